import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { verifyPassword } from '../../lib/auth/password';
import { createSession, validateSessionToken } from '../../lib/auth/session';
import {
  changePassword,
  createUser,
  ensureAdminAccount,
  findUser,
  listUsers,
  resetPassword,
  setDisabled,
  setRole,
} from '../../lib/auth/users';
import { disconnectPrisma, getPrisma } from '../../lib/db/prisma';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
});

afterAll(async () => {
  await disconnectPrisma();
  await database.drop();
});

async function passwordHashOf(email: string): Promise<string> {
  const row = await getPrisma().user.findUniqueOrThrow({ where: { email }, select: { passwordHash: true } });
  return row.passwordHash;
}

// Runs first: it needs an empty user table.
describe('ensureAdminAccount', () => {
  test('creates the first admin with a generated password, printed once in a framed block', async () => {
    const lines: string[] = [];
    const result = await ensureAdminAccount((line) => lines.push(line), {});
    expect(result).toEqual({ created: true, email: 'admin@trailhound.local', passwordSource: 'generated' });

    const output = lines.join('\n');
    expect(output).toContain('='.repeat(72));
    const password = output.match(/Password:\s+(\S+)/)?.[1];
    expect(password).toHaveLength(20);
    expect(await verifyPassword(await passwordHashOf('admin@trailhound.local'), password ?? '')).toBe(true);

    const admin = await findUser('admin@trailhound.local');
    expect(admin.role).toBe('admin');
    const audit = await getPrisma().auditLog.findFirst({ where: { action: 'user.bootstrap_admin' } });
    expect(audit?.targetId).toBe(admin.id);
    expect(JSON.stringify(audit?.detail)).not.toContain(password);
  });

  test('does nothing once any account exists', async () => {
    const lines: string[] = [];
    expect(
      await ensureAdminAccount((line) => lines.push(line), { TRAILHOUND_ADMIN_EMAIL: 'other@example.com' }),
    ).toEqual({
      created: false,
    });
    expect(lines).toEqual([]);
    expect(await getPrisma().user.count()).toBe(1);
  });
});

describe('createUser', () => {
  test('normalises the email and hashes the given password', async () => {
    const { user, password, generated } = await createUser(
      '  Dana@Example.COM ',
      'analyst',
      'a long enough password',
    );
    expect(user).toMatchObject({
      email: 'dana@example.com',
      role: 'analyst',
      disabled: false,
      activeSessions: 0,
    });
    expect(generated).toBe(false);
    expect(password).toBe('a long enough password');
    expect(await passwordHashOf('dana@example.com')).toMatch(/^\$argon2id\$/);
  });

  test('generates a password when none is given', async () => {
    const { password, generated } = await createUser('viewer1@example.com', 'viewer');
    expect(generated).toBe(true);
    expect(await verifyPassword(await passwordHashOf('viewer1@example.com'), password)).toBe(true);
  });

  test('refuses bad input with a clear message', async () => {
    await expect(createUser('not-an-email', 'viewer')).rejects.toMatchObject({ code: 'invalid_email' });
    await expect(createUser('x@example.com', 'root')).rejects.toMatchObject({
      code: 'invalid_role',
      message: expect.stringContaining('admin, analyst or viewer'),
    });
    await expect(createUser('x@example.com', 'viewer', 'short')).rejects.toMatchObject({
      code: 'weak_password',
    });
    await expect(createUser('DANA@example.com', 'viewer')).rejects.toMatchObject({
      code: 'email_taken',
      message: 'An account for dana@example.com already exists.',
    });
  });
});

describe('listUsers', () => {
  test('lists every account by email with its active session count', async () => {
    const dana = await findUser('dana@example.com');
    await createSession(dana.id);
    const users = await listUsers();
    expect(users.map((user) => user.email)).toEqual([
      'admin@trailhound.local',
      'dana@example.com',
      'viewer1@example.com',
    ]);
    expect(users.find((user) => user.email === 'dana@example.com')?.activeSessions).toBe(1);
  });
});

describe('setRole and setDisabled', () => {
  test('change a role and report the previous one', async () => {
    const result = await setRole('viewer1@example.com', 'analyst');
    expect(result.previousRole).toBe('viewer');
    expect(result.user.role).toBe('analyst');
  });

  test('never demote or disable the last active admin', async () => {
    await expect(setRole('admin@trailhound.local', 'viewer')).rejects.toMatchObject({ code: 'last_admin' });
    await expect(setDisabled('admin@trailhound.local', true)).rejects.toMatchObject({ code: 'last_admin' });
    expect((await findUser('admin@trailhound.local')).role).toBe('admin');
  });

  test('a disabled admin does not count as the other admin', async () => {
    await setRole('dana@example.com', 'admin');
    await setDisabled('dana@example.com', true);
    await expect(setRole('admin@trailhound.local', 'analyst')).rejects.toMatchObject({ code: 'last_admin' });
    await setDisabled('dana@example.com', false);
    await setRole('admin@trailhound.local', 'analyst');
    await setRole('admin@trailhound.local', 'admin');
    await setRole('dana@example.com', 'analyst');
  });

  test('two admins demoting each other at once cannot both succeed', async () => {
    await setRole('dana@example.com', 'admin');
    const results = await Promise.allSettled([
      setRole('dana@example.com', 'viewer'),
      setRole('admin@trailhound.local', 'viewer'),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const admins = (await listUsers()).filter((user) => user.role === 'admin' && !user.disabled);
    expect(admins).toHaveLength(1);
    // Restore: admin@ is the admin again, dana an analyst.
    await setRole('admin@trailhound.local', 'admin');
    await setRole('dana@example.com', 'analyst');
  });

  test('disabling ends the account sessions at once', async () => {
    const user = await findUser('viewer1@example.com');
    const { token } = await createSession(user.id);
    expect(await validateSessionToken(token)).not.toBeNull();
    const result = await setDisabled(user.id, true);
    expect(result).toMatchObject({ changed: true, revokedSessions: 1 });
    expect(await validateSessionToken(token)).toBeNull();
    expect((await setDisabled(user.id, false)).user.disabled).toBe(false);
  });

  test('unknown accounts are reported as not found', async () => {
    await expect(setRole('nobody@example.com', 'viewer')).rejects.toMatchObject({ code: 'not_found' });
    await expect(setDisabled('00000000-0000-4000-8000-000000000000', true)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(findUser('not-a-uuid')).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('passwords', () => {
  test('resetPassword sets a new password and revokes every session', async () => {
    const dana = await findUser('dana@example.com');
    const { token } = await createSession(dana.id);
    const result = await resetPassword('dana@example.com');
    expect(result.generated).toBe(true);
    expect(result.revokedSessions).toBeGreaterThanOrEqual(1);
    expect(await validateSessionToken(token)).toBeNull();
    expect(await verifyPassword(await passwordHashOf('dana@example.com'), result.password)).toBe(true);
  });

  test('changePassword needs the current password and keeps only the current session', async () => {
    const { user } = await createUser('self@example.com', 'viewer', 'original password 1');
    const current = await createSession(user.id);
    const other = await createSession(user.id);
    await expect(changePassword(user.id, 'wrong password!!', 'new password 12345')).rejects.toMatchObject({
      code: 'wrong_password',
    });
    await expect(changePassword(user.id, 'original password 1', 'short')).rejects.toMatchObject({
      code: 'weak_password',
    });
    const { revokedSessions } = await changePassword(user.id, 'original password 1', 'new password 12345', {
      keepSessionId: current.sessionId,
    });
    expect(revokedSessions).toBe(1);
    expect(await validateSessionToken(current.token)).not.toBeNull();
    expect(await validateSessionToken(other.token)).toBeNull();
    expect(await verifyPassword(await passwordHashOf('self@example.com'), 'new password 12345')).toBe(true);
  });
});
