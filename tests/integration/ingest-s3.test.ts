import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createIngestJob, runIngestJob } from '../../lib/ingest/run-job';
import { createS3Source } from '../../lib/ingest/sources/s3-source';
import type { SourceFilters } from '../../lib/ingest/sources/types';
import { verifyJobDigests } from '../../lib/ingest/verify-job-digests';
import { parseSummary, runCli } from '../helpers/run-cli';
import { fillBucket, S3RVER_ENV, type S3rver, startS3rver } from '../helpers/s3rver';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import {
  dayRecords,
  digestDocument,
  digestKey,
  type HashedFile,
  logKey,
  type TrailFolder,
} from '../helpers/trail-tree';

/**
 * Ingest end to end from a real S3 API (s3rver): an organisation trail under a key prefix, listed
 * through the layout with filters, loaded, de-duplicated by ETag on a re-run, and validated
 * against the digests delivered next to the logs.
 */

const BUCKET = 'org-trail';
const PREFIX = 'trails';
const ORG = 'o-abc123';
const ACC1 = '111111111111';
const ACC2 = '222222222222';
const REGIONS = ['us-east-1', 'eu-west-1'];
const DAYS = ['2026/03/01', '2026/03/02', '2026/03/03'];
const PER_FILE = 10;

interface Folder extends TrailFolder {
  logs: string[];
  digest: string;
}

const folders: Folder[] = [];
const objects = new Map<string, Buffer>();
let s3: S3rver;
let database: TestDatabase;
let pool: pg.Pool;
const extraDatabases: TestDatabase[] = [];

beforeAll(async () => {
  // Two log files per account, region and day, and one digest per day chaining to the day before.
  for (const account of [ACC1, ACC2]) {
    for (const region of REGIONS) {
      let previous: HashedFile | undefined;
      for (const day of DAYS) {
        const where: TrailFolder = { account, region, day, org: ORG, prefix: PREFIX };
        const logs = ['0905', '1705'].map((hhmm) => {
          const content = JSON.stringify({ Records: dayRecords(where, hhmm, PER_FILE) });
          return { key: logKey(where, hhmm, `x${hhmm}`), content };
        });
        const date = day.replaceAll('/', '-');
        const key = digestKey(where, '235959');
        const digest = {
          key,
          content: digestDocument({
            account,
            bucket: BUCKET,
            key,
            start: `${date}T00:00:00Z`,
            end: `${date}T23:59:59Z`,
            logs,
            previous,
          }),
        };
        for (const file of [...logs, digest]) objects.set(file.key, gzipSync(file.content));
        folders.push({ ...where, logs: logs.map((log) => log.key), digest: key });
        previous = digest;
      }
    }
  }
  s3 = await startS3rver();
  await fillBucket(s3.client, BUCKET, objects);
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 4 });
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
  for (const extra of extraDatabases) await extra.drop();
  await s3?.stop();
});

async function ingestS3(filters: SourceFilters) {
  const source = createS3Source(`s3://${BUCKET}/${PREFIX}`, { endpoint: s3.endpoint, client: s3.client });
  const jobId = await createIngestJob(pool, source, { filters });
  return runIngestJob(pool, jobId, source, {
    filters,
    verifyDigests: (id, files) => verifyJobDigests(pool, id, files),
  });
}

const EVENT_GROUPS = `
  SELECT account_id, region, to_char(event_time AT TIME ZONE 'UTC', 'YYYY/MM/DD') AS day, count(*)::int AS n
  FROM event GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
const groupsOf = (list: Folder[]) =>
  list
    .map((f) => ({ account_id: f.account, region: f.region, day: f.day, n: 2 * PER_FILE }))
    .sort((x, y) =>
      `${x.account_id}|${x.region}|${x.day}` < `${y.account_id}|${y.region}|${y.day}` ? -1 : 1,
    );
const allEvents = () => 2 * PER_FILE * 12;

async function idDigest(client: pg.Pool | pg.Client) {
  const { rows } = await client.query<{ n: number; distinct_keys: number; ids: string }>(
    `SELECT count(*)::int AS n, count(DISTINCT (account_id, event_id))::int AS distinct_keys,
            md5(string_agg(account_id || '/' || event_id, ',' ORDER BY account_id, event_id)) AS ids
     FROM event`,
  );
  return rows[0];
}

test('one account, one region, one day: only that folder is loaded, and its digest checks out', async () => {
  const wanted = folders.filter((f) => f.account === ACC1 && f.region === 'eu-west-1' && f.day === DAYS[1]);
  expect(wanted).toHaveLength(1);
  const folder = wanted[0] as Folder;
  const summary = await ingestS3({
    accounts: [ACC1],
    regions: ['eu-west-1'],
    from: new Date('2026-03-02T00:00:00Z'),
    to: new Date('2026-03-02T00:00:00Z'),
  });
  expect(summary).toMatchObject({
    filesTotal: 3,
    filesDone: 3,
    filesFailed: 0,
    eventsInserted: 2 * PER_FILE,
    eventsDuplicate: 0,
    digestMismatches: 0,
  });
  const { rows: files } = await pool.query<{ path: string; kind: string; fingerprint: string }>(
    'SELECT path, kind, fingerprint FROM ingest_file WHERE job_id = $1 ORDER BY path',
    [summary.jobId],
  );
  expect(files.map((f) => [f.path, f.kind])).toEqual(
    [...folder.logs.map((p) => [p, 'trail']), [folder.digest, 'digest']].sort(),
  );
  // S3 files are known by ETag and size without reading them, which is what makes re-runs cheap.
  expect(files.every((f) => /^etag:[0-9a-f]{32}:\d+$/.test(f.fingerprint))).toBe(true);
  expect((await pool.query(EVENT_GROUPS)).rows).toEqual(groupsOf(wanted));

  // The digest's own log files match; its predecessor (the day before) was filtered out.
  const { rows: checks } = await pool.query(
    'SELECT kind, subject_path, status FROM digest_check WHERE job_id = $1 ORDER BY kind, subject_path',
    [summary.jobId],
  );
  expect(checks).toEqual([
    ...folder.logs.map((p) => ({ kind: 'log-file', subject_path: p, status: 'ok' })),
    {
      kind: 'previous-digest',
      subject_path: folders.find((f) => f.account === ACC1 && f.region === 'eu-west-1' && f.day === DAYS[0])
        ?.digest,
      status: 'missing',
    },
  ]);
});

test('then unfiltered: the rest loads, the first folder is skipped by ETag, nothing is duplicated', async () => {
  const summary = await ingestS3({});
  expect(summary).toMatchObject({
    filesTotal: folders.length * 3,
    filesDone: folders.length * 3,
    filesSkipped: 3,
    filesFailed: 0,
    eventsInserted: allEvents() - 2 * PER_FILE,
    eventsDuplicate: 0,
    eventsRejected: 0,
    digestMismatches: 0,
  });
  expect((await pool.query(EVENT_GROUPS)).rows).toEqual(groupsOf(folders));
  const ids = await idDigest(pool);
  expect(ids).toMatchObject({ n: allEvents(), distinct_keys: allEvents() });

  // Between the two jobs every delivered log file was checked against its digest, and passed.
  const { rows: checked } = await pool.query<{ subject_path: string }>(
    `SELECT DISTINCT subject_path FROM digest_check WHERE kind = 'log-file' AND status = 'ok' ORDER BY 1`,
  );
  expect(checked.map((row) => row.subject_path)).toEqual(folders.flatMap((f) => f.logs).sort());
  const { rows: problems } = await pool.query(
    `SELECT * FROM digest_check WHERE job_id = $1 AND status <> 'ok'`,
    [summary.jobId],
  );
  expect(problems).toEqual([]);
});

test('the CLI with --endpoint and credentials from the environment loads the same events', async () => {
  const fresh = await createTestDatabase();
  extraDatabases.push(fresh);
  const env = { ...S3RVER_ENV, DATABASE_URL: fresh.url };
  const uri = `s3://${BUCKET}/${PREFIX}/`;
  const common = ['--endpoint', s3.endpoint, '--json', '--no-analyze'];

  const filtered = await runCli(
    ['ingest', uri, ...common, '--accounts', ACC2, '--regions', 'us-east-1', '--from', '2026-03-02'],
    env,
  );
  const wanted = folders.filter(
    (f) => f.account === ACC2 && f.region === 'us-east-1' && f.day >= '2026/03/02',
  );
  expect(wanted).toHaveLength(2);
  expect(parseSummary(filtered)).toMatchObject({
    filesTotal: 6,
    filesDone: 6,
    filesFailed: 0,
    eventsInserted: 2 * 2 * PER_FILE,
    digestMismatches: 0,
    errors: [],
  });
  expect(filtered.code).toBe(0);

  const rest = await runCli(['ingest', uri, ...common], env);
  expect(parseSummary(rest)).toMatchObject({
    filesTotal: folders.length * 3,
    filesSkipped: 6,
    filesFailed: 0,
    eventsInserted: allEvents() - 2 * 2 * PER_FILE,
    eventsDuplicate: 0,
    digestMismatches: 0,
  });
  expect(rest.code).toBe(0);

  const client = new pg.Client({ connectionString: fresh.url });
  await client.connect();
  try {
    expect(await idDigest(client)).toEqual(await idDigest(pool));
    const { rows } = await client.query('SELECT DISTINCT source, source_kind FROM ingest_job');
    expect(rows).toEqual([{ source: uri, source_kind: 's3' }]);
  } finally {
    await client.end();
  }
});

test('the CLI names the bucket when it does not exist', async () => {
  const fresh = await createTestDatabase();
  extraDatabases.push(fresh);
  const result = await runCli(
    ['ingest', 's3://no-such-bucket/AWSLogs/', '--endpoint', s3.endpoint, '--json', '--no-analyze'],
    { ...S3RVER_ENV, DATABASE_URL: fresh.url },
  );
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  // The last line: on Node 20 the AWS SDK prints a deprecation warning first.
  expect(result.stderr.trim().split('\n').at(-1)).toBe(
    `trailhound: S3 bucket "no-such-bucket" does not exist at ${s3.endpoint}.`,
  );
});
