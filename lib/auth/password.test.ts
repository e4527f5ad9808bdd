import { describe, expect, test } from 'vitest';
import {
  GENERATED_PASSWORD_LENGTH,
  generatePassword,
  hashPassword,
  passwordSchema,
  verifyAgainstDummy,
  verifyPassword,
} from './password';

describe('hashPassword / verifyPassword', () => {
  test('produces an argon2id PHC string with the OWASP parameters', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  test('salts every hash, so equal passwords hash differently', async () => {
    const [a, b] = await Promise.all([
      hashPassword('same password here'),
      hashPassword('same password here'),
    ]);
    expect(a).not.toBe(b);
  });

  test('accepts the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery stapl')).toBe(false);
    expect(await verifyPassword(hash, '')).toBe(false);
  });

  test('returns false instead of throwing for a malformed stored hash', async () => {
    expect(await verifyPassword('not-a-phc-string', 'anything at all')).toBe(false);
    expect(await verifyPassword('', 'anything at all')).toBe(false);
  });

  test('verifyAgainstDummy always fails', async () => {
    expect(await verifyAgainstDummy('whatever the attacker typed')).toBe(false);
  });
});

describe('generatePassword', () => {
  test('is 20 characters from the unambiguous alphabet', () => {
    const password = generatePassword();
    expect(password).toHaveLength(GENERATED_PASSWORD_LENGTH);
    expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]+$/);
  });

  test('does not repeat and passes the password policy', () => {
    const passwords = new Set(Array.from({ length: 200 }, () => generatePassword()));
    expect(passwords.size).toBe(200);
    for (const password of passwords) expect(passwordSchema.safeParse(password).success).toBe(true);
  });

  test('uses the whole alphabet over many draws (no stuck positions)', () => {
    const seen = new Set(Array.from({ length: 400 }, () => generatePassword()).join(''));
    expect(seen.size).toBe(57);
  });
});

describe('passwordSchema', () => {
  test('requires 12 to 256 characters', () => {
    expect(passwordSchema.safeParse('short').success).toBe(false);
    expect(passwordSchema.safeParse('a'.repeat(11)).success).toBe(false);
    expect(passwordSchema.safeParse('a'.repeat(12)).success).toBe(true);
    expect(passwordSchema.safeParse('a'.repeat(257)).success).toBe(false);
  });
});
