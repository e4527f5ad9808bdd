import pg from 'pg';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { createSession } from '../../lib/auth/session';
import { createUser } from '../../lib/auth/users';
import { createIngestJob, runIngestJob } from '../../lib/ingest/run-job';
import { insertFinding } from '../helpers/findings-seed';
import { makeRecord, memoryFile, memorySource } from '../helpers/memory-source';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// The route's guard module is server code; outside Next's react-server build the marker would throw.
vi.mock('server-only', () => ({}));

let database: TestDatabase;
let pool: pg.Pool;
let cookie: string;
let findingId: string;
let GET: typeof import('../../app/api/findings/[findingId]/raw/route').GET;

const ACCOUNT = '111122223333';
const evidence = makeRecord({
  eventName: 'PutBucketPolicy',
  eventSource: 's3.amazonaws.com',
  requestParameters: { bucketName: '<script>alert("bucket")</script>', policy: '=cmd|"/c calc"!A1' },
});
const unrelated = makeRecord({ eventName: 'GetObject' });

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url });
  process.env.DATABASE_URL = database.url;
  const source = memorySource([memoryFile('trail.json', JSON.stringify({ Records: [evidence, unrelated] }))]);
  await runIngestJob(pool, await createIngestJob(pool, source), source);
  findingId = await insertFinding(pool, {
    ruleId: 'R53',
    firstSeen: new Date(evidence.eventTime as string),
    events: [
      {
        accountId: ACCOUNT,
        eventId: evidence.eventID as string,
        eventTime: new Date(evidence.eventTime as string),
      },
    ],
  });
  // Viewers may read the evidence.
  const { user } = await createUser('viewer@example.com', 'viewer', 'correct-horse-battery-staple');
  cookie = `th_session=${(await createSession(user.id)).token}`;
  ({ GET } = await import('../../app/api/findings/[findingId]/raw/route'));
});

afterAll(async () => {
  await (await import('../../lib/db/pg-pool')).closePool();
  await (await import('../../lib/db/prisma')).disconnectPrisma();
  await pool.end();
  await database.drop();
});

function get(id: string, eventId: string, headers: Record<string, string> = { cookie }) {
  const url = `http://localhost/api/findings/${id}/raw?${new URLSearchParams({ account: ACCOUNT, event: eventId })}`;
  return GET(new Request(url, { headers }), { params: Promise.resolve({ findingId: id }) });
}

test('serves an evidence event as delivered, as JSON data (hostile text included, not interpreted)', async () => {
  const response = await get(findingId, evidence.eventID as string);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(await response.json()).toEqual(evidence);
});

test('refuses events outside the finding, unknown findings and anonymous callers', async () => {
  expect((await get(findingId, unrelated.eventID as string)).status).toBe(404);
  expect((await get('999999', evidence.eventID as string)).status).toBe(404);
  expect((await get('abc', evidence.eventID as string)).status).toBe(404);
  expect((await get(findingId, evidence.eventID as string, {})).status).toBe(401);
});
