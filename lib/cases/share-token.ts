import { createHash, randomBytes } from 'node:crypto';

// A share link's token is 32 random bytes (256 bits) in base64url: unguessable, and useless to
// anyone who reads the database, which keeps only its SHA-256 (as for sessions). A tampered token
// hashes to nothing stored, so it is refused exactly like a made-up one. No HMAC on top: a
// signature would only let us refuse forgeries before the lookup, which the format check and one
// indexed lookup already do, and it would add a server secret to keep and rotate.

const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function generateShareToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

export function hashShareToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function isWellFormedShareToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

export function sharePath(token: string): string {
  return `/share/${token}`;
}
