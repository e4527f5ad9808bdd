import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  countActiveSessions,
  createSession,
  hashSessionToken,
  revokeAllSessionsForUser,
  revokeSession,
  SESSION_ABSOLUTE_TIMEOUT_MS,
  validateSessionToken,
} from '../../lib/auth/session';
import { createUser, setDisabled } from '../../lib/auth/users';
import { disconnectPrisma, getPrisma } from '../../lib/db/prisma';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let database: TestDatabase;
let userId: string;
const HOUR = 60 * 60 * 1000;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  userId = (await createUser('sessions@example.com', 'analyst', 'session test password')).user.id;
});

afterAll(async () => {
  await disconnectPrisma();
  await database.drop();
});

describe('createSession / validateSessionToken', () => {
  test('stores the token hash, never the token, and resolves to the user', async () => {
    const { token, sessionId } = await createSession(userId, { userAgent: 'vitest', ip: '192.0.2.1' });
    const row = await getPrisma().session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row.tokenHash).toBe(hashSessionToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row).toMatchObject({ userAgent: 'vitest', ip: '192.0.2.1', revokedAt: null });

    const session = await validateSessionToken(token);
    expect(session).toMatchObject({ sessionId, userId, email: 'sessions@example.com', role: 'analyst' });
  });

  test('unknown and malformed tokens resolve to null', async () => {
    expect(await validateSessionToken('A'.repeat(43))).toBeNull();
    expect(await validateSessionToken('garbage')).toBeNull();
  });

  test('an idle session expires after 12 hours; use slides it forward up to 7 days', async () => {
    const start = new Date();
    const { token } = await createSession(userId, {}, start);
    expect(await validateSessionToken(token, new Date(start.getTime() + 12 * HOUR + 1))).toBeNull();

    // Used every 11 hours it stays valid, but only until 7 days after sign-in (15 × 11 h = 165 h < 168 h).
    const { token: active } = await createSession(userId, {}, start);
    let now = start;
    for (let step = 1; step <= 15; step++) {
      now = new Date(start.getTime() + step * 11 * HOUR);
      expect(await validateSessionToken(active, now)).not.toBeNull();
    }
    expect(await validateSessionToken(active, new Date(start.getTime() + 16 * 11 * HOUR))).toBeNull();
    expect(16 * 11 * HOUR).toBeGreaterThan(SESSION_ABSOLUTE_TIMEOUT_MS);
  });

  test('touches lastSeenAt at most once a minute', async () => {
    const start = new Date();
    const { token, sessionId } = await createSession(userId, {}, start);
    await validateSessionToken(token, new Date(start.getTime() + 30_000));
    let row = await getPrisma().session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row.lastSeenAt.getTime()).toBe(start.getTime());
    await validateSessionToken(token, new Date(start.getTime() + 61_000));
    row = await getPrisma().session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row.lastSeenAt.getTime()).toBe(start.getTime() + 61_000);
    expect(row.expiresAt.getTime()).toBe(start.getTime() + 61_000 + 12 * HOUR);
  });
});

describe('revocation', () => {
  test('a revoked session no longer validates', async () => {
    const { token, sessionId } = await createSession(userId);
    await revokeSession(sessionId);
    expect(await validateSessionToken(token)).toBeNull();
  });

  test('revokeAllSessionsForUser can spare the current session', async () => {
    const keep = await createSession(userId);
    const drop = await createSession(userId);
    const revoked = await revokeAllSessionsForUser(userId, { exceptSessionId: keep.sessionId });
    expect(revoked).toBeGreaterThanOrEqual(1);
    expect(await validateSessionToken(keep.token)).not.toBeNull();
    expect(await validateSessionToken(drop.token)).toBeNull();
    expect(await countActiveSessions(userId)).toBe(1);
  });

  test('a disabled user has no valid sessions, even ones created before', async () => {
    const { user } = await createUser('disable-me@example.com', 'viewer', 'disable me password');
    const { token } = await createSession(user.id);
    await getPrisma().user.update({ where: { id: user.id }, data: { disabled: true } });
    expect(await validateSessionToken(token)).toBeNull();
    await setDisabled(user.id, false);
  });
});
