import { beforeAll, describe, expect, test } from 'vitest';
import { rebuildPrincipalRollups } from '../../lib/analysis/refresh-principal-rollups';
import type { TimeWindow } from '../../lib/principals/scope';
import { getAccessKeys } from '../../lib/queries/principals/get-access-keys';
import { getNewlyObserved } from '../../lib/queries/principals/get-newly-observed';
import { getPrincipal } from '../../lib/queries/principals/get-principal';
import { getAssumedRoles, getSessionOrigins } from '../../lib/queries/principals/get-role-sessions';
import { setupIngestDatabase } from '../helpers/ingest-database';
import { refreshJobRollups } from '../helpers/job-rollups';
import { gz, makeRecord, memoryFile } from '../helpers/memory-source';
import { getAccessKeys as rawAccessKeys } from '../helpers/raw-event-queries/get-access-keys';
import { getNewlyObserved as rawNewlyObserved } from '../helpers/raw-event-queries/get-newly-observed';
import {
  getAssumedRoles as rawAssumedRoles,
  getSessionOrigins as rawSessionOrigins,
} from '../helpers/raw-event-queries/get-role-sessions';

// The principal page's rollup-based queries against the raw-event SQL they replaced
// (tests/helpers/raw-event-queries), on a seeded trail delivered in four jobs: the later ones
// bring late events into hours and days the first already rolled up. Windows include
// minute- and millisecond-edged scopes, an overlapping baseline, a baseline inside one day, a
// scope inside one hour and a baseline after the scope.

const ACCOUNT = '111122223333';
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/Worker`;
const db = setupIngestDatabase();

const jobs: string[] = [];

function rng(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20261001);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const user = (name: string, key: string) => ({
  type: 'IAMUser',
  principalId: `AIDA${name.toUpperCase()}`,
  arn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
  accountId: ACCOUNT,
  accessKeyId: key,
  userName: name,
});
const alice = user('alice', 'AKIAALICE00000000001');
const bob = user('bob', 'AKIABOB0000000000001');
const BOB_NEW_KEY = 'AKIABOBNEWKEY0000002';
const worker = (key: string) => ({
  type: 'AssumedRole',
  principalId: 'AROAWORKER:worker',
  arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Worker/worker`,
  accountId: ACCOUNT,
  accessKeyId: key,
  sessionContext: {
    sessionIssuer: {
      type: 'Role',
      principalId: 'AROAWORKER',
      arn: ROLE_ARN,
      accountId: ACCOUNT,
      userName: 'Worker',
    },
  },
});

// A few public addresses (given geography below) and a private pool big enough that the worker's
// IP panel has more than 50 values, most used once or twice: the cut at 50 falls among ties.
const PUBLIC_IPS = ['198.51.100.7', '198.51.100.8', '203.0.113.9', '192.0.2.50', '192.0.2.51'];
const PRIVATE_IPS = Array.from({ length: 90 }, (_, i) => `10.20.${Math.floor(i / 30)}.${10 + (i % 30)}`);
const AGENTS = [
  'aws-cli/2.15.0 Python/3.11.6 Linux/6.1',
  'Boto3/1.34.0 Python/3.12',
  'Mozilla/5.0 (Console)',
];
const CALLS = [
  ['ec2.amazonaws.com', 'DescribeInstances'],
  ['iam.amazonaws.com', 'ListUsers'],
  ['s3.amazonaws.com', 'ListBuckets'],
  ['s3.amazonaws.com', 'GetObject'],
  ['s3.amazonaws.com', 'PutObject'],
  ['sts.amazonaws.com', 'GetCallerIdentity'],
] as const;
const BUCKETS = ['acme-logs', 'acme-prod-backups', 'Acme-Reports', 'acme_raw'];
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-south-1'];
const DAY = 86_400_000;
const START = Date.UTC(2026, 9, 1);

const time = (ms: number) => new Date(ms).toISOString();
const randomTime = (fromDay: number, days: number) =>
  START + fromDay * DAY + Math.floor(random() * days * DAY);

function call(identity: Record<string, unknown>, at: number, ips: readonly string[]) {
  const [source, name] = pick(CALLS);
  return makeRecord({
    eventTime: time(at),
    userIdentity: identity,
    sourceIPAddress: pick(ips),
    userAgent: pick(AGENTS),
    eventSource: source,
    eventName: name,
    awsRegion: pick(REGIONS),
    requestParameters: source === 's3.amazonaws.com' ? { bucketName: pick(BUCKETS), key: 'k' } : null,
    errorCode: random() < 0.1 ? 'AccessDenied' : undefined,
  });
}

/** Alice assumes Worker as "worker" (one session name for every session) and the session works. */
function workerSession(at: number, index: number, { fails = false, unused = false } = {}) {
  const key = `ASIAWORKER${String(index).padStart(10, '0')}`;
  const assume = makeRecord({
    eventTime: time(at),
    userIdentity: alice,
    sourceIPAddress: pick(PUBLIC_IPS),
    eventSource: 'sts.amazonaws.com',
    eventName: pick(['AssumeRole', 'AssumeRole', 'AssumeRoleWithWebIdentity']),
    requestParameters: { roleArn: ROLE_ARN, roleSessionName: 'worker' },
    responseElements: fails ? null : { credentials: { accessKeyId: key, sessionToken: 'x' } },
    errorCode: fails ? 'AccessDenied' : undefined,
  });
  if (fails || unused) return [assume];
  const calls = Array.from({ length: 3 + Math.floor(random() * 12) }, () =>
    call(worker(key), at + 60_000 + Math.floor(random() * 3 * 3_600_000), PRIVATE_IPS),
  );
  return [assume, ...calls];
}

function trail(fromDay: number, days: number, sessions: number, firstSession: number) {
  return [
    ...Array.from({ length: 120 }, () => call(alice, randomTime(fromDay, days), PUBLIC_IPS)),
    ...Array.from({ length: 60 }, () => call(bob, randomTime(fromDay, days), PUBLIC_IPS.slice(2))),
    ...Array.from({ length: sessions }, (_, i) =>
      workerSession(randomTime(fromDay, days), firstSession + i, {
        fails: i % 9 === 4,
        unused: i % 11 === 6,
      }),
    ).flat(),
  ];
}

// Job 1: 1–10 October. Job 2: late events into days 3–8, already rolled up, with a key alice
// creates for bob and bob's use of it. Job 3: late again, into the same hours as job 2.
const createKey = makeRecord({
  eventTime: '2026-10-05T09:15:00.250Z',
  userIdentity: alice,
  sourceIPAddress: '192.0.2.50',
  eventSource: 'iam.amazonaws.com',
  eventName: 'CreateAccessKey',
  requestParameters: { userName: 'bob' },
  responseElements: { accessKey: { accessKeyId: BOB_NEW_KEY, userName: 'bob', status: 'Active' } },
});
const bobNewKey = { ...bob, accessKeyId: BOB_NEW_KEY };
const JOB_RECORDS = [
  trail(0, 10, 30, 0),
  [
    ...trail(2, 6, 12, 100),
    createKey,
    ...Array.from({ length: 8 }, () => call(bobNewKey, randomTime(4, 4), ['203.0.113.77', ...PUBLIC_IPS])),
  ],
  // Exactly on the window edges below, and more of the same hours.
  [
    ...trail(4, 3, 6, 200),
    call(alice, Date.parse('2026-10-07T13:37:12.345Z'), PUBLIC_IPS),
    call(alice, Date.parse('2026-10-07T13:37:12.344Z'), PUBLIC_IPS),
    call(alice, Date.parse('2026-10-09T08:05:00.000Z'), PUBLIC_IPS),
  ],
];

async function ingestJob(records: Record<string, unknown>[], name: string) {
  const summary = await db.ingest([memoryFile(`${name}.json.gz`, gz({ Records: records }))]);
  expect(summary).toMatchObject({ filesFailed: 0, eventsInserted: records.length });
  await refreshJobRollups(db.pool, summary.jobId);
  jobs.push(summary.jobId);
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  for (const [index, records] of JOB_RECORDS.entries()) await ingestJob(records, `job-${index}`);
  // A re-run of a job's step changes nothing.
  await refreshJobRollups(db.pool, jobs[1] as string);
  // A job whose files are not consecutive ids (as when two jobs load at once): three late files,
  // the middle one handed to the first job, whose step then runs again.
  const files = [0, 1, 2].map((i) =>
    memoryFile(`job-3-${i}.json.gz`, gz({ Records: trail(3, 4, 3, 300 + 10 * i) })),
  );
  const fourth = await db.ingest(files);
  expect(fourth).toMatchObject({ filesFailed: 0 });
  await db.pool.query(
    `UPDATE ingest_file SET job_id = $2
      WHERE id = (SELECT id FROM ingest_file WHERE job_id = $1 ORDER BY id OFFSET 1 LIMIT 1)`,
    [fourth.jobId, jobs[0]],
  );
  await refreshJobRollups(db.pool, fourth.jobId);
  await refreshJobRollups(db.pool, jobs[0] as string);
  // Geography for the public addresses, read at query time by both implementations.
  await db.pool.query(
    `UPDATE ip_address SET asn = 64500 + (get_byte(inet_send(ip), 7) % 3), as_org = 'Org ' || host(ip),
            country_code = CASE WHEN get_byte(inet_send(ip), 7) % 2 = 0 THEN 'DE' ELSE 'FR' END,
            country = 'Country', city = CASE WHEN get_byte(inet_send(ip), 7) > 8 THEN 'Lyon' END
      WHERE NOT ip << '10.0.0.0/8'`,
  );
  const { rows } = await db.pool.query<{ id: string; name: string }>('SELECT id::text, name FROM principal');
  for (const row of rows) ids[row.name] = row.id;
});

const WINDOWS: { name: string; scope: TimeWindow; baseline: TimeWindow }[] = [
  [
    'day edges',
    '2026-10-08T00:00:00Z',
    '2026-10-10T00:00:00Z',
    '2026-09-08T00:00:00Z',
    '2026-10-08T00:00:00Z',
  ],
  [
    'minute and ms edges',
    '2026-10-07T13:37:12.345Z',
    '2026-10-09T08:05:00Z',
    '2026-10-01T05:55:00Z',
    '2026-10-07T13:37:12.345Z',
  ],
  [
    'overlapping baseline',
    '2026-10-05T10:30:00Z',
    '2026-10-08T02:10:00Z',
    '2026-10-04T00:00:00Z',
    '2026-10-06T12:00:00Z',
  ],
  [
    'baseline inside one day',
    '2026-10-06T00:00:00Z',
    '2026-10-07T00:00:00Z',
    '2026-10-05T03:10:00Z',
    '2026-10-05T20:45:00Z',
  ],
  [
    'scope inside one hour',
    '2026-10-06T10:05:00Z',
    '2026-10-06T10:50:00Z',
    '2026-10-01T00:00:00Z',
    '2026-10-06T10:05:00Z',
  ],
  [
    'baseline after the scope',
    '2026-10-02T06:00:00Z',
    '2026-10-03T18:30:00Z',
    '2026-10-03T18:30:00Z',
    '2026-10-09T23:00:00Z',
  ],
  [
    'everything',
    '2026-09-01T00:00:00Z',
    '2026-11-01T00:00:00Z',
    '2026-08-01T00:00:00Z',
    '2026-09-01T00:00:00Z',
  ],
].map(([name, from, to, bfrom, bto]) => ({
  name: name as string,
  scope: { from: new Date(from as string), to: new Date(to as string) },
  baseline: { from: new Date(bfrom as string), to: new Date(bto as string) },
}));

const EVERYTHING = WINDOWS[WINDOWS.length - 1] as (typeof WINDOWS)[number];
const PRINCIPALS = ['alice', 'bob', 'Worker/worker'];

describe('newly observed from rollups equals the raw-event query', () => {
  for (const window of WINDOWS) {
    test(window.name, async () => {
      for (const name of PRINCIPALS) {
        const principalId = ids[name];
        expect(principalId, name).toBeDefined();
        const inputs = { principalId: principalId as string, accountId: ACCOUNT, ...window };
        const rolled = await getNewlyObserved(db.pool, inputs);
        expect(rolled, name).toEqual(await rawNewlyObserved(db.pool, inputs));
        // The comparison is only worth something if the windows hold data.
        if (window.name === 'minute and ms edges') expect(rolled.ip.length, name).toBeGreaterThan(0);
      }
    });
  }

  test('the worker panel is cut at 50 of its addresses, in the middle of a run of equal counts', async () => {
    const principalId = ids['Worker/worker'] as string;
    const panels = await getNewlyObserved(db.pool, { principalId, accountId: ACCOUNT, ...EVERYTHING });
    const { rows } = await db.pool.query<{ ip: string; n: number }>(
      'SELECT host(source_ip) AS ip, count(*)::int AS n FROM event WHERE principal_id = $1 GROUP BY 1',
      [principalId],
    );
    expect(rows.length).toBeGreaterThan(60);
    expect(panels.ip).toHaveLength(50);
    const cut = panels.ip[49]?.count;
    const tied = rows.filter((row) => row.n === cut).length;
    expect(tied).toBeGreaterThan(panels.ip.filter((item) => item.count === cut).length);
    expect(panels.ip.every((item) => item.newForPrincipal && item.newForAccount)).toBe(true);
  });
});

describe('sessions and keys from rollups equal the raw-event queries', () => {
  test('a reused session name: every AssumeRole that created the worker session, and what it did', async () => {
    const session = await getPrincipal(db.pool, ids['Worker/worker'] as string);
    if (!session) throw new Error('the worker session has no principal row');
    const origins = await getSessionOrigins(db.pool, session);
    expect(origins).toEqual(await rawSessionOrigins(db.pool, session));
    // Failed calls and sessions whose key was never used are not origins; every used key has one.
    const { rows } = await db.pool.query<{ keys: number }>(
      'SELECT count(DISTINCT access_key_id)::int AS keys FROM event WHERE principal_id = $1',
      [session.id],
    );
    expect(rows[0]?.keys).toBeGreaterThan(30);
    expect(origins).toHaveLength(rows[0]?.keys as number);
    expect(origins.every((origin) => origin.calls > 0 && origin.callerName === 'alice')).toBe(true);
  });

  test('the roles alice assumed, in every window', async () => {
    for (const window of WINDOWS) {
      const assumed = await getAssumedRoles(db.pool, ids.alice as string, window.scope);
      expect(assumed, window.name).toEqual(await rawAssumedRoles(db.pool, ids.alice as string, window.scope));
    }
    const all = await getAssumedRoles(db.pool, ids.alice as string, EVERYTHING.scope);
    expect(all.some((link) => link.errorCode === 'AccessDenied' && link.calls === 0)).toBe(true);
    expect(all.some((link) => link.calls > 0 && link.ips.length > 0)).toBe(true);
  });

  test('keys used and created, with their first addresses', async () => {
    for (const name of PRINCIPALS) {
      const keys = await getAccessKeys(db.pool, ids[name] as string);
      expect(keys, name).toEqual(await rawAccessKeys(db.pool, ids[name] as string));
    }
    const alices = await getAccessKeys(db.pool, ids.alice as string);
    expect(alices.created).toHaveLength(1);
    expect(alices.created[0]).toMatchObject({ accessKeyId: BOB_NEW_KEY, principalName: 'bob', calls: 8 });
    const workers = await getAccessKeys(db.pool, ids['Worker/worker'] as string);
    expect(workers.used.length).toBeGreaterThan(20);
    expect(workers.used.every((key) => key.ips.length > 0 && key.ips.length <= 5)).toBe(true);
  });
});

describe('incremental maintenance', () => {
  const TABLES = {
    principal_activity_hourly: `SELECT principal_id, hour, account_id, user_agent_id, service, event_name, region,
                                       access_key_id, role_arn, bucket, events, first_at, last_at
                                  FROM principal_activity_hourly`,
    account_item_daily: 'SELECT * FROM account_item_daily',
    access_key_ips: 'SELECT * FROM access_key_ips',
    issued_credential: 'SELECT * FROM issued_credential',
  };

  async function snapshot() {
    const tables: Record<string, string[]> = {};
    for (const [table, sql] of Object.entries(TABLES)) {
      const { rows } = await db.pool.query(sql);
      tables[table] = rows.map((row) => JSON.stringify(row)).sort();
    }
    return tables;
  }

  test('late jobs, re-runs and a job of scattered files leave the same rows as a rebuild', async () => {
    const incremental = await snapshot();
    expect(incremental.principal_activity_hourly?.length).toBeGreaterThan(100);
    expect(incremental.issued_credential?.length).toBeGreaterThan(20);
    await rebuildPrincipalRollups(db.pool);
    expect(await snapshot()).toEqual(incremental);
  });

  test('each rolled-up hour counts every event of that hour, whichever job delivered it', async () => {
    const { rows } = await db.pool.query<{ hours: number; mismatched: number }>(
      `WITH counted AS (
         SELECT principal_id, date_trunc('hour', event_time, 'UTC') AS hour, count(*)::int AS events
           FROM event GROUP BY 1, 2
       ), rolled AS (
         SELECT principal_id, hour, sum(events)::int AS events FROM principal_activity_hourly GROUP BY 1, 2
       )
       SELECT count(*)::int AS hours,
              count(*) FILTER (WHERE r.events IS DISTINCT FROM c.events)::int AS mismatched
         FROM counted c FULL JOIN rolled r USING (principal_id, hour)`,
    );
    expect(rows[0]?.hours).toBeGreaterThan(100);
    expect(rows[0]?.mismatched).toBe(0);
    // The late jobs did land in hours an earlier job had rolled up.
    const shared = await db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (
         SELECT e.principal_id, date_trunc('hour', e.event_time, 'UTC')
           FROM event e JOIN ingest_file f ON f.id = e.ingest_file_id
          GROUP BY 1, 2 HAVING count(DISTINCT f.job_id) > 1) AS hours`,
    );
    expect(shared.rows[0]?.n).toBeGreaterThan(5);
  });
});
