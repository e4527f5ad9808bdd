import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { disconnectPrisma, getPrisma } from '../../lib/db/prisma';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

vi.mock('server-only', () => ({}));

let database: TestDatabase;
let links: typeof import('../../lib/cases/share-links');
let caseId: bigint;
let otherCaseId: bigint;
let userId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  links = await import('../../lib/cases/share-links');
  const prisma = getPrisma();
  userId = (
    await prisma.user.create({ data: { email: 'a@example.test', role: 'analyst', passwordHash: 'x' } })
  ).id;
  caseId = (await prisma.investigation.create({ data: { title: 'Shared', ownerId: userId } })).id;
  otherCaseId = (await prisma.investigation.create({ data: { title: 'Other', ownerId: userId } })).id;
});
afterAll(async () => {
  await disconnectPrisma();
  await database.drop();
});

const DAY = 86_400_000;
const newLink = (viewUrl: string | null = null) =>
  links.createShareLink({
    caseId,
    viewUrl,
    label: 'Legal',
    expiresAt: new Date(Date.now() + DAY),
    createdBy: userId,
  });

describe('share tokens', () => {
  test('a fresh link opens what it covers and counts its uses; only a hash is stored', async () => {
    const { id, token } = await newLink('/events?ip=203.0.113.9');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const first = await links.resolveShareToken(token);
    expect(first).toMatchObject({
      status: 'ok',
      share: { id, caseId, scope: 'view', viewUrl: '/events?ip=203.0.113.9' },
    });
    await links.resolveShareToken(token);
    const row = await getPrisma().shareLink.findUniqueOrThrow({ where: { id } });
    expect(row.useCount).toBe(2);

    // Nothing in the database can be replayed as the token.
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const dump = await client.query('SELECT row_to_json(s)::text AS row FROM share_link s');
    await client.end();
    expect(dump.rows.map((r) => r.row).join('\n')).not.toContain(token);
  });

  test('a tampered token is refused like an unknown one', async () => {
    const { token } = await newLink();
    const flipped = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const candidate of [
      flipped,
      token.slice(1),
      `${token}x`,
      token.toUpperCase(),
      '',
      '../../etc/passwd',
      `${token.slice(0, 42)}=`,
    ]) {
      expect(await links.resolveShareToken(candidate)).toEqual({ status: 'invalid' });
    }
    expect(await links.resolveShareToken(token)).toMatchObject({ status: 'ok' });
  });

  test('an expired link is refused, with its expiry, and its use is not counted', async () => {
    const { id, token } = await newLink();
    const later = new Date(Date.now() + DAY + 1000);
    const resolved = await links.resolveShareToken(token, later);
    expect(resolved.status).toBe('expired');
    expect(resolved.status === 'expired' && resolved.expiredAt.getTime()).toBeLessThan(later.getTime());
    expect((await getPrisma().shareLink.findUniqueOrThrow({ where: { id } })).useCount).toBe(0);
  });

  test('a revoked link is refused; revoking needs the right case and happens once', async () => {
    const { id, token } = await newLink();
    expect(await links.revokeShareLink(otherCaseId, id, userId)).toBe(false);
    expect(await links.resolveShareToken(token)).toMatchObject({ status: 'ok' });
    expect(await links.revokeShareLink(caseId, id, userId)).toBe(true);
    expect(await links.revokeShareLink(caseId, id, userId)).toBe(false);
    expect(await links.resolveShareToken(token)).toEqual({ status: 'revoked' });
    // Revoked wins over expired: the clearer reason for the person holding the link.
    expect(await links.resolveShareToken(token, new Date(Date.now() + 2 * DAY))).toEqual({
      status: 'revoked',
    });
  });

  test('deleting the case kills its links', async () => {
    const throwaway = await getPrisma().investigation.create({ data: { title: 'Gone', ownerId: userId } });
    const { token } = await links.createShareLink({
      caseId: throwaway.id,
      viewUrl: null,
      label: 'x',
      expiresAt: new Date(Date.now() + DAY),
      createdBy: userId,
    });
    await getPrisma().investigation.delete({ where: { id: throwaway.id } });
    expect(await links.resolveShareToken(token)).toEqual({ status: 'invalid' });
  });
});
