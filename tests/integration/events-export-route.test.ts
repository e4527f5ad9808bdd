import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { SESSION_COOKIE } from '../../lib/auth/constants';
import { createSession } from '../../lib/auth/session';
import { createUser } from '../../lib/auth/users';
import { closePool, getPool } from '../../lib/db/pg-pool';
import { disconnectPrisma } from '../../lib/db/prisma';
import { HOSTILE, HOSTILE_ACCOUNT, hostileRecords } from '../fixtures/hostile-records';
import { setupIngestDatabase } from '../helpers/ingest-database';
import { makeRecord, memoryFile } from '../helpers/memory-source';
import { formulaCells, parseCsv } from '../helpers/parse-csv';

// The route handlers are server code; outside Next's react-server build the marker would throw.
vi.mock('server-only', () => ({}));

const db = setupIngestDatabase();
let route: typeof import('../../app/api/events/export/route');
let rawRoute: typeof import('../../app/api/events/raw/route');
const cookies: Record<'analyst' | 'viewer', string> = { analyst: '', viewer: '' };
const hostile = hostileRecords(new Date('2026-10-02T09:00:00Z'));
const BULK = 2_345;

beforeAll(async () => {
  // getPool() and getPrisma() read DATABASE_URL on first use.
  process.env.DATABASE_URL = db.url;
  for (const role of ['analyst', 'viewer'] as const) {
    const { user } = await createUser(`${role}-export@example.com`, role, `${role} export test password`);
    cookies[role] = `${SESSION_COOKIE}=${(await createSession(user.id)).token}`;
  }
  const bulk = Array.from({ length: BULK }, (_, index) =>
    makeRecord({ eventTime: new Date(Date.UTC(2026, 9, 3, 0, 0, 0, index * 1000)).toISOString() }),
  );
  const summary = await db.ingest([
    memoryFile('hostile.json', JSON.stringify({ Records: hostile })),
    memoryFile('bulk.json', JSON.stringify({ Records: bulk })),
  ]);
  expect(summary).toMatchObject({ filesFailed: 0, eventsInserted: hostile.length + BULK });
  route = await import('../../app/api/events/export/route');
  rawRoute = await import('../../app/api/events/raw/route');
});
afterAll(async () => {
  await closePool();
  await disconnectPrisma();
});

function get(path: string, cookie?: string): Promise<Response> {
  const request = new Request(`http://localhost${path}`, { headers: cookie ? { cookie } : {} });
  return path.startsWith('/api/events/raw') ? rawRoute.GET(request) : route.GET(request);
}

const HOSTILE_DAY = `account=${HOSTILE_ACCOUNT}&from=2026-10-02T00:00:00Z&to=2026-10-02T23:59:59Z`;

describe('GET /api/events/export', () => {
  test('needs a session, and an analyst or admin', async () => {
    expect((await get(`/api/events/export?${HOSTILE_DAY}`)).status).toBe(401);
    const viewer = await get(`/api/events/export?${HOSTILE_DAY}`, cookies.viewer);
    expect(viewer.status).toBe(403);
    expect(await viewer.json()).toEqual({ error: 'forbidden' });
  });

  test('refuses a filter it cannot read rather than exporting more than asked', async () => {
    const response = await get('/api/events/export?format=csv&asn=1%20OR%201=1', cookies.analyst);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_filter', invalid: ['asn'] });
    expect((await get('/api/events/export?format=xlsx', cookies.analyst)).status).toBe(400);
  });

  test('CSV: one row per event, every formula-looking cell neutralised', async () => {
    const response = await get(
      `/api/events/export?format=csv&${HOSTILE_DAY}&sort=time&dir=asc`,
      cookies.analyst,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="trailhound-events-.+\.csv"$/,
    );
    const text = await response.text();
    const rows = parseCsv(text);
    expect(rows[0]?.slice(0, 3)).toEqual(['eventTime', 'accountId', 'region']);
    expect(rows).toHaveLength(1 + hostile.length);
    const column = (name: string) => rows.slice(1).map((row) => row[rows[0]?.indexOf(name) ?? -1]);
    expect(column('eventId')).toEqual(hostile.map((record) => record.eventID));
    expect(column('userAgent')).toContain(`'${HOSTILE.formulaBucket}`);
    expect(column('userAgent')).toContain(`'${HOSTILE.minusFormula}`);
    expect(column('userAgent')).toContain(HOSTILE.scriptUserAgent);
    expect(formulaCells(rows)).toEqual([]);
  });

  test('JSON: the same events, values intact, and no raw markup in the text', async () => {
    const response = await get(
      `/api/events/export?format=json&${HOSTILE_DAY}&sort=time&dir=asc`,
      cookies.analyst,
    );
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const text = await response.text();
    expect(text).not.toMatch(/[<>]/);
    const rows = JSON.parse(text) as Record<string, unknown>[];
    expect(rows.map((row) => row.eventId)).toEqual(hostile.map((record) => record.eventID));
    expect(rows[0]).toMatchObject({
      accountId: HOSTILE_ACCOUNT,
      userAgent: HOSTILE.scriptUserAgent,
      requestParameters: { bucketName: HOSTILE.imgBucket, Host: HOSTILE.javascriptLink },
    });
    expect(rows[2]).toMatchObject({ errorCode: 'AccessDenied', errorMessage: HOSTILE.svgError });
  });

  test('streams exports larger than one cursor batch, in order', async () => {
    const response = await get(
      '/api/events/export?format=json&from=2026-10-03T00:00:00Z&to=2026-10-04T00:00:00Z&sort=time&dir=asc',
      cookies.analyst,
    );
    const rows = JSON.parse(await response.text()) as { eventTime: string }[];
    expect(rows).toHaveLength(BULK);
    const times = rows.map((row) => row.eventTime);
    expect(times).toEqual([...times].sort());
  });

  test('an empty filter exports a header only, or an empty array', async () => {
    const none = 'from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z';
    const csv = await (await get(`/api/events/export?format=csv&${none}`, cookies.analyst)).text();
    expect(parseCsv(csv)).toHaveLength(1);
    expect(
      JSON.parse(await (await get(`/api/events/export?format=json&${none}`, cookies.analyst)).text()),
    ).toEqual([]);
  });

  test('a download cancelled part-way closes its cursor and gives the connection back', async () => {
    const response = await get(
      '/api/events/export?format=csv&from=2026-10-03T00:00:00Z&to=2026-10-04T00:00:00Z',
      cookies.analyst,
    );
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    const pool = getPool();
    await vi.waitFor(() => expect(pool.idleCount).toBe(pool.totalCount));
    const { rows } = await db.pool.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
    );
    expect(rows[0].n).toBe(0);
  });
});

describe('GET /api/events/raw', () => {
  test('the record as delivered, for any signed-in role', async () => {
    const [first] = hostile;
    const path = `/api/events/raw?account=${HOSTILE_ACCOUNT}&id=${first?.eventID}`;
    expect((await get(path)).status).toBe(401);
    const response = await get(path, cookies.viewer);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ record: first });
    expect((await get(`/api/events/raw?account=${HOSTILE_ACCOUNT}&id=nope`, cookies.viewer)).status).toBe(
      404,
    );
    expect((await get('/api/events/raw', cookies.viewer)).status).toBe(400);
  });
});
