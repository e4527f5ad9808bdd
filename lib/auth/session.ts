/*
 * Server-side sessions, without an auth library. Auth.js supports email + password only through
 * its Credentials provider, which it documents as JWT-only (no database sessions), so a stolen or
 * stale session could not be revoked before it expires. An investigation tool needs "sign this
 * person out now" (role change, disable, password reset), so the session is an opaque random
 * token whose SHA-256 is stored in app_session; the row is checked on every request.
 *
 * Lifetime: a session ends 12 h after it was last used (idle timeout) and at the latest 7 days
 * after sign-in (absolute timeout). `expiresAt` always holds the earlier of the two and slides
 * forward when the session is used; lastSeenAt/expiresAt are written at most once a minute.
 *
 * This file has no Next.js imports: the CLI uses it too. Cookie reading/writing lives in
 * current-session.ts.
 */
import { createHash, randomBytes } from 'node:crypto';
import { getPrisma } from '../db/prisma';
import type { Role } from './roles';

export const SESSION_IDLE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_TIMEOUT_MS = 7 * 24 * 60 * 60 * 1000;
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;

const TOKEN_BYTES = 32;
// 32 bytes in unpadded base64url; anything else is rejected before touching the database.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface ValidatedSession {
  sessionId: string;
  userId: string;
  email: string;
  role: Role;
  createdAt: Date;
  expiresAt: Date;
}

export interface SessionClientInfo {
  userAgent?: string | null;
  ip?: string | null;
}

export function generateSessionToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** Only this digest is stored, so a leaked database or backup holds no usable cookies. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/** The sliding expiry: idle timeout from `now`, capped by the absolute timeout from sign-in. */
export function computeExpiry(createdAt: Date, now: Date): Date {
  return new Date(
    Math.min(now.getTime() + SESSION_IDLE_TIMEOUT_MS, createdAt.getTime() + SESSION_ABSOLUTE_TIMEOUT_MS),
  );
}

export function shouldTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= SESSION_TOUCH_INTERVAL_MS;
}

/** Creates a session row and returns the raw token: the only time it exists outside the cookie. */
export async function createSession(
  userId: string,
  client: SessionClientInfo = {},
  now = new Date(),
): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const token = generateSessionToken();
  const expiresAt = computeExpiry(now, now);
  const session = await getPrisma().session.create({
    data: {
      tokenHash: hashSessionToken(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      userAgent: client.userAgent?.slice(0, 512) ?? null,
      ip: client.ip ?? null,
    },
    select: { id: true },
  });
  return { token, sessionId: session.id, expiresAt };
}

/** The session behind a cookie value, or null if it is unknown, revoked, expired or its user is disabled. */
export async function validateSessionToken(
  token: string,
  now = new Date(),
): Promise<ValidatedSession | null> {
  if (!isWellFormedToken(token)) return null;
  const prisma = getPrisma();
  const row = await prisma.session.findUnique({
    where: { tokenHash: hashSessionToken(token) },
    select: {
      id: true,
      createdAt: true,
      lastSeenAt: true,
      expiresAt: true,
      revokedAt: true,
      user: { select: { id: true, email: true, role: true, disabled: true } },
    },
  });
  if (!row || row.revokedAt || row.expiresAt <= now || row.user.disabled) return null;

  let expiresAt = row.expiresAt;
  if (shouldTouch(row.lastSeenAt, now)) {
    expiresAt = computeExpiry(row.createdAt, now);
    // updateMany with revokedAt: null so a concurrent revoke is never undone by this touch.
    await prisma.session.updateMany({
      where: { id: row.id, revokedAt: null },
      data: { lastSeenAt: now, expiresAt },
    });
  }
  return {
    sessionId: row.id,
    userId: row.user.id,
    email: row.user.email,
    role: row.user.role,
    createdAt: row.createdAt,
    expiresAt,
  };
}

export async function revokeSession(sessionId: string, now = new Date()): Promise<void> {
  await getPrisma().session.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: now },
  });
}

/** Signs a user out everywhere (optionally except the session making the change); returns how many ended. */
export async function revokeAllSessionsForUser(
  userId: string,
  options: { exceptSessionId?: string; now?: Date } = {},
): Promise<number> {
  const result = await getPrisma().session.updateMany({
    where: {
      userId,
      revokedAt: null,
      ...(options.exceptSessionId ? { id: { not: options.exceptSessionId } } : {}),
    },
    data: { revokedAt: options.now ?? new Date() },
  });
  return result.count;
}

export async function countActiveSessions(userId: string, now = new Date()): Promise<number> {
  return getPrisma().session.count({ where: { userId, revokedAt: null, expiresAt: { gt: now } } });
}
