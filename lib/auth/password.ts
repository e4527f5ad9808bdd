import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// OWASP Password Storage Cheat Sheet, argon2id "m=19456 (19 MiB), t=2, p=1". Raising any of these
// later is safe: verify() reads the parameters from each stored PHC string.
const ARGON2ID = 2; // Algorithm.Argon2id; the package exports it as a const enum, unusable under isolatedModules.
export const ARGON2_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordSchema } from './password-policy';

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** False for a wrong password and for a malformed stored hash, so a bad row cannot crash sign-in. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// No 0/O, 1/l/I: generated passwords are read off a terminal and typed by hand.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
export const GENERATED_PASSWORD_LENGTH = 20;

/** About 116 bits of entropy; randomInt draws without modulo bias. */
export function generatePassword(length = GENERATED_PASSWORD_LENGTH): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifying against a throwaway hash when the email is unknown keeps the response time close to
 * that of a real account, so timing does not reveal which emails exist.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(generatePassword());
  await verifyPassword(await dummyHash, password);
  return false;
}
