import { describe, expect, test } from 'vitest';
import {
  computeExpiry,
  generateSessionToken,
  hashSessionToken,
  isWellFormedToken,
  SESSION_ABSOLUTE_TIMEOUT_MS,
  SESSION_IDLE_TIMEOUT_MS,
  shouldTouch,
} from './session';

const HOUR = 60 * 60 * 1000;

describe('session tokens', () => {
  test('are 32 random bytes in unpadded base64url', () => {
    const token = generateSessionToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(isWellFormedToken(token)).toBe(true);
  });

  test('never repeat', () => {
    const tokens = new Set(Array.from({ length: 1000 }, generateSessionToken));
    expect(tokens.size).toBe(1000);
  });

  test('are stored only as their SHA-256 hex digest', () => {
    const token = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const digest = hashSessionToken(token);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(digest).toBe(hashSessionToken(token));
    expect(digest).not.toContain(token);
    expect(hashSessionToken(generateSessionToken())).not.toBe(digest);
  });

  test('malformed cookie values are rejected before any lookup', () => {
    expect(isWellFormedToken('')).toBe(false);
    expect(isWellFormedToken('short')).toBe(false);
    expect(isWellFormedToken(`${'A'.repeat(42)}=`)).toBe(false);
    expect(isWellFormedToken(`${'A'.repeat(42)}+`)).toBe(false);
    expect(isWellFormedToken('A'.repeat(44))).toBe(false);
  });
});

describe('sliding expiry', () => {
  const signIn = new Date('2025-01-01T00:00:00Z');

  test('a fresh session lasts the idle timeout (12 h)', () => {
    expect(SESSION_IDLE_TIMEOUT_MS).toBe(12 * HOUR);
    expect(computeExpiry(signIn, signIn).getTime()).toBe(signIn.getTime() + 12 * HOUR);
  });

  test('use slides the expiry forward', () => {
    const later = new Date(signIn.getTime() + 30 * HOUR);
    expect(computeExpiry(signIn, later).getTime()).toBe(later.getTime() + 12 * HOUR);
  });

  test('never past 7 days after sign-in', () => {
    expect(SESSION_ABSOLUTE_TIMEOUT_MS).toBe(7 * 24 * HOUR);
    const nearEnd = new Date(signIn.getTime() + 7 * 24 * HOUR - 2 * HOUR);
    expect(computeExpiry(signIn, nearEnd).getTime()).toBe(signIn.getTime() + SESSION_ABSOLUTE_TIMEOUT_MS);
  });

  test('lastSeenAt is written at most once a minute', () => {
    const seen = new Date('2025-01-01T10:00:00Z');
    expect(shouldTouch(seen, new Date(seen.getTime() + 59_999))).toBe(false);
    expect(shouldTouch(seen, new Date(seen.getTime() + 60_000))).toBe(true);
  });
});
