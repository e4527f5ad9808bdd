import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { disconnectPrisma } from '../../lib/db/prisma';
import { FEED_PAGE_SIZE, parseFeedQuery } from '../../lib/findings/feed-query';
import { createIngestJob, runIngestJob } from '../../lib/ingest/run-job';
import { getFeedOptions } from '../../lib/queries/findings/get-feed-options';
import { getFinding } from '../../lib/queries/findings/get-finding';
import { getFindingEvidence } from '../../lib/queries/findings/get-finding-evidence';
import { getFindingFacets } from '../../lib/queries/findings/get-finding-facets';
import { getFindings } from '../../lib/queries/findings/get-findings';
import { insertFinding } from '../helpers/findings-seed';
import { makeRecord, memoryFile, memorySource } from '../helpers/memory-source';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let database: TestDatabase;
let pool: pg.Pool;

const A = '111122223333';
const B = '444455556666';
const t = (iso: string) => new Date(iso);
const feed = (params: Record<string, string> = {}) => getFindings(parseFeedQuery(params));
const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

// Named findings the filters are checked against; ids are filled in by beforeAll.
const seeded: Record<string, string> = {};
let danaId: string;
let erinId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url });
  process.env.DATABASE_URL = database.url;

  // Real ingested events (and principals) for the evidence join.
  const records = [
    makeRecord({
      eventName: 'CreateAccessKey',
      eventSource: 'iam.amazonaws.com',
      eventTime: '2026-10-01T12:00:00Z',
    }),
    makeRecord({
      eventName: 'ListBuckets',
      eventSource: 's3.amazonaws.com',
      eventTime: '2026-10-01T12:05:00Z',
      sourceIPAddress: '203.0.113.9',
      userAgent: '<script>alert(1)</script>',
    }),
    makeRecord({
      userIdentity: {
        type: 'IAMUser',
        principalId: 'AIDAERIN',
        arn: `arn:aws:iam::${B}:user/erin`,
        accountId: B,
        userName: 'erin',
      },
      recipientAccountId: B,
      eventTime: '2026-10-03T08:00:00Z',
    }),
  ];
  const source = memorySource([memoryFile('AWSLogs/trail.json', JSON.stringify({ Records: records }))]);
  await runIngestJob(pool, await createIngestJob(pool, source), source);
  const principals = await pool.query<{ id: string; name: string }>('SELECT id::text, name FROM principal');
  danaId = principals.rows.find((row) => row.name === 'dana')?.id as string;
  erinId = principals.rows.find((row) => row.name === 'erin')?.id as string;
  const [created, listed] = records;

  seeded.keyUse = await insertFinding(pool, {
    ruleId: 'R19',
    severity: 'critical',
    title: 'Newly created access key used within the hour',
    accountId: A,
    principalId: danaId,
    firstSeen: t('2026-10-01T12:00:00Z'),
    lastSeen: t('2026-10-01T12:05:00Z'),
    events: [
      { accountId: A, eventId: created?.eventID as string, eventTime: t('2026-10-01T12:00:00Z') },
      { accountId: A, eventId: listed?.eventID as string, eventTime: t('2026-10-01T12:05:00Z') },
      // Evidence whose event is not (or no longer) stored still lists, marked as such.
      { accountId: A, eventId: 'not-stored-event', eventTime: t('2026-10-01T12:06:00Z') },
    ],
  });
  seeded.recon = await insertFinding(pool, {
    ruleId: 'R42',
    severity: 'medium',
    accountId: A,
    principalId: danaId,
    firstSeen: t('2026-10-02T09:00:00Z'),
    lastSeen: t('2026-10-02T10:00:00Z'),
    status: 'acknowledged',
  });
  seeded.root = await insertFinding(pool, {
    ruleId: 'R01',
    severity: 'high',
    accountId: B,
    principalId: erinId,
    firstSeen: t('2026-10-03T08:00:00Z'),
    status: 'closed',
  });
  seeded.trail = await insertFinding(pool, {
    ruleId: 'R66',
    severity: 'low',
    accountId: B,
    firstSeen: t('2026-10-04T00:00:00Z'),
    status: 'false_positive',
  });
  seeded.sigma = await insertFinding(pool, {
    ruleId: 'sigma:3f1b2c4d-0000-4000-8000-000000000001',
    severity: 'info',
    accountId: A,
    firstSeen: t('2026-10-05T00:00:00Z'),
  });
});

afterAll(async () => {
  await disconnectPrisma();
  await pool.end();
  await database.drop();
});

describe('getFindings', () => {
  test('lists newest first by default, with the principal joined', async () => {
    const { rows, total } = await feed();
    expect(total).toBe(5);
    expect(ids(rows)).toEqual([seeded.sigma, seeded.trail, seeded.root, seeded.recon, seeded.keyUse]);
    const keyUse = rows.find((row) => row.id === seeded.keyUse);
    expect(keyUse).toMatchObject({
      principalName: 'dana',
      principalType: 'IAMUser',
      eventCount: 3,
      status: 'open',
    });
  });

  test('filters by severity (lists too), status, rule, account and principal', async () => {
    expect(ids((await feed({ severity: 'critical' })).rows)).toEqual([seeded.keyUse]);
    expect(ids((await feed({ severity: 'high,critical' })).rows)).toEqual([seeded.root, seeded.keyUse]);
    expect(ids((await feed({ status: 'open,acknowledged' })).rows)).toEqual([
      seeded.sigma,
      seeded.recon,
      seeded.keyUse,
    ]);
    expect(ids((await feed({ rule: 'R66' })).rows)).toEqual([seeded.trail]);
    expect(ids((await feed({ account: B })).rows)).toEqual([seeded.trail, seeded.root]);
    expect(ids((await feed({ principal: danaId })).rows)).toEqual([seeded.recon, seeded.keyUse]);
    expect((await feed({ account: B, severity: 'critical' })).total).toBe(0);
  });

  test('filters by assignee, or by having none', async () => {
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO app_user (id, email, role, password_hash) VALUES (gen_random_uuid(), 'pat@example.com', 'analyst', 'x') RETURNING id::text`,
    );
    const userId = rows[0]?.id as string;
    await pool.query('UPDATE finding SET assignee_id = $1 WHERE id = ANY($2::bigint[])', [
      userId,
      [seeded.root, seeded.recon],
    ]);
    try {
      const assigned = await feed({ assignee: userId });
      expect(ids(assigned.rows)).toEqual([seeded.root, seeded.recon]);
      expect(assigned.rows[0]?.assigneeEmail).toBe('pat@example.com');
      expect(ids((await feed({ assignee: 'none' })).rows)).toEqual([
        seeded.sigma,
        seeded.trail,
        seeded.keyUse,
      ]);
    } finally {
      await pool.query('UPDATE finding SET assignee_id = NULL');
      await pool.query('DELETE FROM app_user WHERE id = $1', [userId]);
    }
  });

  test('filters by ATT&CK tactic through the catalogue', async () => {
    expect(ids((await feed({ tactic: 'TA0003' })).rows)).toEqual([seeded.keyUse]); // Persistence: R19
    expect(ids((await feed({ tactic: 'TA0007' })).rows)).toEqual([seeded.recon]); // Discovery: R42
    expect((await feed({ tactic: 'TA0040' })).total).toBe(0); // Impact: none seeded
  });

  test('a time range keeps findings whose window overlaps it', async () => {
    // R42's window is 09:00-10:00 on the 2nd: a range that starts inside it still includes it.
    const { rows } = await feed({ from: '2026-10-02T09:30', to: '2026-10-03T07:00' });
    expect(ids(rows)).toEqual([seeded.recon]);
    expect(ids((await feed({ to: '2026-10-01T23:59:59Z' })).rows)).toEqual([seeded.keyUse]);
  });

  test('sorts by severity by rank, not alphabetically, both ways', async () => {
    const desc = await feed({ sort: 'severity' });
    expect(desc.rows.map((row) => row.severity)).toEqual(['critical', 'high', 'medium', 'low', 'info']);
    const asc = await feed({ sort: 'severity', dir: 'asc' });
    expect(asc.rows.map((row) => row.severity)).toEqual(['info', 'low', 'medium', 'high', 'critical']);
    const byEvents = await feed({ sort: 'eventCount' });
    expect(byEvents.rows[0]?.id).toBe(seeded.keyUse);
  });

  test('hostile values in the URL are dropped, not run', async () => {
    const query = parseFeedQuery({
      severity: "critical'; DROP TABLE finding; --",
      rule: "R01' OR '1'='1",
      sort: 'id; DELETE FROM finding',
      account: '1 OR 1=1',
      page: '-3',
    });
    expect(query).toMatchObject({
      severities: [],
      rule: undefined,
      sort: 'lastSeen',
      account: undefined,
      page: 1,
    });
    expect((await getFindings(query)).total).toBe(5);
  });
});

describe('paging', () => {
  let paged: TestDatabase;
  afterAll(async () => {
    await disconnectPrisma();
    process.env.DATABASE_URL = database.url;
    await paged.drop();
  });

  test('pages hold FEED_PAGE_SIZE rows, in a stable order across pages', async () => {
    paged = await createTestDatabase();
    const pagedPool = new pg.Pool({ connectionString: paged.url });
    const count = FEED_PAGE_SIZE + 7;
    // Equal last_seen everywhere: only the id tie-break keeps pages from overlapping.
    for (let i = 0; i < count; i++) {
      await insertFinding(pagedPool, { ruleId: 'R42', firstSeen: t('2026-10-02T09:00:00Z') });
    }
    await pagedPool.end();
    await disconnectPrisma();
    process.env.DATABASE_URL = paged.url;
    const first = await feed();
    const second = await feed({ page: '2' });
    expect(first.total).toBe(count);
    expect(first.rows).toHaveLength(FEED_PAGE_SIZE);
    expect(second.rows).toHaveLength(7);
    const all = new Set([...ids(first.rows), ...ids(second.rows)]);
    expect(all.size).toBe(count);
    expect((await feed({ page: '3' })).rows).toEqual([]);
  });
});

describe('getFindingFacets', () => {
  test('counts by severity and tactic, each ignoring its own filter', async () => {
    const all = await getFindingFacets(parseFeedQuery({}));
    expect(all.bySeverity).toEqual({ info: 1, low: 1, medium: 1, high: 1, critical: 1 });
    expect(all.byTactic.map((entry) => [entry.tactic?.id ?? null, entry.count])).toEqual([
      ['TA0003', 1],
      ['TA0004', 1],
      ['TA0005', 1],
      ['TA0007', 1],
      [null, 1],
    ]);

    // Picking critical leaves the severity bar whole, but narrows the tactic bars.
    const critical = await getFindingFacets(parseFeedQuery({ severity: 'critical' }));
    expect(critical.bySeverity).toEqual(all.bySeverity);
    expect(critical.byTactic.map((entry) => entry.tactic?.id)).toEqual(['TA0003']);

    const accountB = await getFindingFacets(parseFeedQuery({ account: B, tactic: 'TA0004' }));
    expect(accountB.bySeverity).toEqual({ info: 0, low: 0, medium: 0, high: 1, critical: 0 });
    expect(accountB.byTactic.map((entry) => [entry.tactic?.id, entry.count])).toEqual([
      ['TA0004', 1],
      ['TA0005', 1],
    ]);
  });
});

describe('detail queries', () => {
  test('getFinding joins the principal; an unknown id is null', async () => {
    expect(await getFinding(BigInt(seeded.root as string))).toMatchObject({
      ruleId: 'R01',
      severity: 'high',
      accountId: B,
      principalName: 'erin',
      principalArn: `arn:aws:iam::${B}:user/erin`,
      status: 'closed',
    });
    expect(await getFinding(999_999n)).toBeNull();
  });

  test('evidence joins the stored events, oldest first, and keeps unstored ones', async () => {
    const { events, total } = await getFindingEvidence(BigInt(seeded.keyUse as string));
    expect(total).toBe(3);
    expect(events.map((event) => [event.eventName, event.stored])).toEqual([
      ['CreateAccessKey', true],
      ['ListBuckets', true],
      [null, false],
    ]);
    expect(events[1]).toMatchObject({
      principalName: 'dana',
      eventSource: 's3.amazonaws.com',
      sourceIp: '203.0.113.9',
      userAgent: '<script>alert(1)</script>',
      accessKeyId: 'AKIAEXAMPLEKEY000001',
    });
    const limited = await getFindingEvidence(BigInt(seeded.keyUse as string), { limit: 1 });
    expect(limited.events).toHaveLength(1);
    expect(limited.total).toBe(3);
  });

  test('feed options list only values that occur in findings', async () => {
    const options = await getFeedOptions();
    expect(options.anyFindings).toBe(true);
    expect(options.accounts).toEqual([A, B]);
    expect(options.rules.map((rule) => rule.ruleId)).toEqual([
      'R01',
      'R19',
      'R42',
      'R66',
      'sigma:3f1b2c4d-0000-4000-8000-000000000001',
    ]);
    expect(options.principals.map((principal) => [principal.name, principal.count])).toEqual([
      ['dana', 2],
      ['erin', 1],
    ]);
  });
});
