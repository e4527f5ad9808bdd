import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { authenticate, INVALID_CREDENTIALS_MESSAGE } from '../../lib/auth/login';
import { createUser, setDisabled } from '../../lib/auth/users';
import { disconnectPrisma, getPrisma } from '../../lib/db/prisma';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let database: TestDatabase;
const PASSWORD = 'the right password';

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  await createUser('analyst@example.com', 'analyst', PASSWORD);
  await createUser('gone@example.com', 'viewer', PASSWORD);
  await setDisabled('gone@example.com', true);
});

beforeEach(async () => {
  await getPrisma().loginFailure.deleteMany();
});

afterAll(async () => {
  await disconnectPrisma();
  await database.drop();
});

describe('authenticate', () => {
  test('signs in with the right password, case-insensitive email, and records the time', async () => {
    const result = await authenticate({
      email: ' Analyst@Example.com',
      password: PASSWORD,
      ip: '192.0.2.10',
    });
    expect(result).toMatchObject({ ok: true, user: { email: 'analyst@example.com', role: 'analyst' } });
    const user = await getPrisma().user.findUniqueOrThrow({ where: { email: 'analyst@example.com' } });
    expect(user.lastLoginAt).not.toBeNull();
  });

  test('wrong password, unknown email and disabled account look exactly alike', async () => {
    const attempts = await Promise.all([
      authenticate({ email: 'analyst@example.com', password: 'wrong password', ip: '192.0.2.11' }),
      authenticate({ email: 'nobody@example.com', password: 'wrong password', ip: '192.0.2.12' }),
      authenticate({ email: 'gone@example.com', password: PASSWORD, ip: '192.0.2.13' }),
    ]);
    for (const attempt of attempts) {
      expect(attempt).toEqual({
        ok: false,
        error: 'invalid_credentials',
        message: INVALID_CREDENTIALS_MESSAGE,
      });
    }
    expect(await getPrisma().loginFailure.count()).toBe(3);
  });

  test('five failures for one email throttle it, even with the right password next', async () => {
    for (let i = 0; i < 5; i++) {
      await authenticate({ email: 'analyst@example.com', password: `wrong ${i}`, ip: `198.51.100.${i}` });
    }
    const result = await authenticate({
      email: 'analyst@example.com',
      password: PASSWORD,
      ip: '198.51.100.99',
    });
    expect(result).toEqual({
      ok: false,
      error: 'throttled',
      message: 'Too many failed sign-in attempts. Wait 15 minutes and try again.',
    });
  });

  test('an unknown email is throttled the same way, so throttling reveals nothing', async () => {
    for (let i = 0; i < 5; i++) {
      await authenticate({ email: 'nobody@example.com', password: `wrong ${i}`, ip: `198.51.100.${i}` });
    }
    const result = await authenticate({
      email: 'nobody@example.com',
      password: 'again',
      ip: '198.51.100.99',
    });
    expect(result).toMatchObject({ ok: false, error: 'throttled' });
  });

  test('twenty failures from one address throttle it for every email', async () => {
    for (let i = 0; i < 20; i++) {
      await authenticate({ email: `spray${i}@example.com`, password: 'Winter2025!', ip: '203.0.113.66' });
    }
    const fromSprayer = await authenticate({
      email: 'analyst@example.com',
      password: PASSWORD,
      ip: '203.0.113.66',
    });
    expect(fromSprayer).toMatchObject({ ok: false, error: 'throttled' });
    const fromElsewhere = await authenticate({
      email: 'analyst@example.com',
      password: PASSWORD,
      ip: '203.0.113.1',
    });
    expect(fromElsewhere.ok).toBe(true);
  });

  test('failures older than 15 minutes no longer count', async () => {
    const now = new Date();
    const old = new Date(now.getTime() - 16 * 60_000);
    await getPrisma().loginFailure.createMany({
      data: Array.from({ length: 5 }, () => ({
        email: 'analyst@example.com',
        ip: '192.0.2.50',
        createdAt: old,
      })),
    });
    const result = await authenticate(
      { email: 'analyst@example.com', password: PASSWORD, ip: '192.0.2.50' },
      now,
    );
    expect(result.ok).toBe(true);
  });

  test('a successful sign-in clears that email failures', async () => {
    await authenticate({ email: 'analyst@example.com', password: 'nope', ip: '192.0.2.60' });
    await authenticate({ email: 'analyst@example.com', password: PASSWORD, ip: '192.0.2.60' });
    expect(await getPrisma().loginFailure.count({ where: { email: 'analyst@example.com' } })).toBe(0);
  });

  test('oversized passwords are refused without hashing them', async () => {
    const result = await authenticate({
      email: 'analyst@example.com',
      password: 'x'.repeat(10_000),
      ip: null,
    });
    expect(result).toMatchObject({ ok: false, error: 'invalid_credentials' });
  });
});
