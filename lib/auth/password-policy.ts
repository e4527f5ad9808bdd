import { z } from 'zod';

// Apart from password.ts (node:crypto, argon2) so client forms can show the same rule.
export const MIN_PASSWORD_LENGTH = 12;
// Argon2 accepts any length, but hashing megabytes on request would be a cheap denial of service.
export const MAX_PASSWORD_LENGTH = 256;

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`);
