import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { gz } from '../helpers/memory-source';
import { parseSummary, runCli } from '../helpers/run-cli';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { dayRecords, logKey, type TrailFolder, trailRecord, writeTree } from '../helpers/trail-tree';

/**
 * `trailhound ingest` as a user runs it: a child process, a folder in the S3 delivery layout, the
 * `--json` summary on stdout and the exit code.
 */

const ACC1 = '111111111111';
const ACC2 = '222222222222';
const REGIONS = ['us-east-1', 'eu-west-1'];
const DAYS = ['2026/03/01', '2026/03/02'];
const PER_FILE = 5;
const SUMMARY_KEYS = [
  'digestMismatches',
  'errors',
  'eventsDuplicate',
  'eventsInserted',
  'eventsRejected',
  'filesDone',
  'filesFailed',
  'filesSkipped',
  'filesTotal',
  'jobId',
];

const folders: TrailFolder[] = [ACC1, ACC2].flatMap((account) =>
  REGIONS.flatMap((region) => DAYS.map((day) => ({ account, region, day }))),
);
const goodFiles = new Map(
  folders.map((where, i) => [
    logKey(where, '1200', `good${i}`),
    gz({ Records: dayRecords(where, `good${i}`, PER_FILE) }),
  ]),
);
const badWhere: TrailFolder = { account: ACC1, region: 'us-east-1', day: '2026/03/02' };
const BAD = logKey(badWhere, '1300', 'bad');
// Outside the layout: carries no account or day, so every filter keeps it.
const EXPORT = 'exports/lookup-events.json';
const exportRecords = [0, 1].map((i) =>
  trailRecord('333333333333', 'ap-south-1', new Date('2026-02-01T00:00:00Z'), `export/${i}`),
);

let root: string;
let filterRoot: string;
let database: TestDatabase;
let pool: pg.Pool;
const extraDatabases: TestDatabase[] = [];

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'th-cli-'));
  writeTree(root, new Map([...goodFiles, [BAD, gz('this is not json')]]));
  filterRoot = mkdtempSync(path.join(os.tmpdir(), 'th-cli-filters-'));
  writeTree(
    filterRoot,
    new Map<string, Buffer | string>([...goodFiles, [EXPORT, JSON.stringify({ Records: exportRecords })]]),
  );
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
  for (const extra of extraDatabases) await extra.drop();
  rmSync(root, { recursive: true, force: true });
  rmSync(filterRoot, { recursive: true, force: true });
});

const ingest = (target: string, url: string, ...flags: string[]) =>
  runCli(['ingest', target, '--json', '--no-analyze', ...flags], { DATABASE_URL: url });

async function eventCount(db: pg.Pool | pg.Client = pool): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM event');
  return rows[0]?.n ?? -1;
}

test('a folder with one bad file: one JSON summary on stdout, exit 1, every good file loaded', async () => {
  const result = await ingest(root, database.url);
  const summary = parseSummary(result);

  expect(Object.keys(summary).sort()).toEqual(SUMMARY_KEYS);
  expect(summary).toEqual({
    jobId: expect.stringMatching(/^\d+$/),
    filesTotal: goodFiles.size + 1,
    filesDone: goodFiles.size,
    filesFailed: 1,
    filesSkipped: 0,
    eventsInserted: goodFiles.size * PER_FILE,
    eventsDuplicate: 0,
    eventsRejected: 0,
    digestMismatches: 0,
    errors: [{ file: BAD, message: expect.stringMatching(/not JSON/) }],
  });
  expect(result.code).toBe(1);
  expect(await eventCount()).toBe(goodFiles.size * PER_FILE);

  // The job row tells the same story as the summary, for the web UI.
  const { rows } = await pool.query('SELECT * FROM ingest_job WHERE id = $1', [summary.jobId]);
  expect(rows[0]).toMatchObject({
    status: 'done',
    source: root,
    source_kind: 'path',
    files_total: goodFiles.size + 1,
    files_done: goodFiles.size,
    files_failed: 1,
    events_inserted: String(goodFiles.size * PER_FILE),
  });
});

test('a re-run skips every finished file and tries the failed one again', async () => {
  const result = await ingest(root, database.url);
  const summary = parseSummary(result);
  expect(summary).toMatchObject({
    filesTotal: goodFiles.size + 1,
    filesDone: goodFiles.size,
    filesSkipped: goodFiles.size,
    filesFailed: 1,
    eventsInserted: 0,
    eventsDuplicate: 0,
    errors: [{ file: BAD }],
  });
  expect(result.code).toBe(1);
  expect(await eventCount()).toBe(goodFiles.size * PER_FILE);
  const { rows } = await pool.query<{ status: string; n: number }>(
    'SELECT status, count(*)::int AS n FROM ingest_file WHERE job_id = $1 GROUP BY status ORDER BY status',
    [summary.jobId],
  );
  expect(rows).toEqual([
    { status: 'failed', n: 1 },
    { status: 'skipped', n: goodFiles.size },
  ]);
});

test('once the bad file is replaced, a re-run loads just that file and exits 0', async () => {
  writeFileSync(path.join(root, BAD), gz({ Records: dayRecords(badWhere, 'fixed', PER_FILE) }));
  const result = await ingest(root, database.url);
  expect(parseSummary(result)).toMatchObject({
    filesTotal: goodFiles.size + 1,
    filesDone: goodFiles.size + 1,
    filesSkipped: goodFiles.size,
    filesFailed: 0,
    eventsInserted: PER_FILE,
    errors: [],
  });
  expect(result.code).toBe(0);
  expect(result.stderr).toBe('');
  expect(await eventCount()).toBe((goodFiles.size + 1) * PER_FILE);
});

const day = (s: string) => s.replaceAll('/', '-');
const FILTER_CASES: { name: string; flags: string[]; keep: (where: TrailFolder) => boolean }[] = [
  { name: '--accounts', flags: ['--accounts', ACC2], keep: (w) => w.account === ACC2 },
  { name: '--regions', flags: ['--regions', 'eu-west-1'], keep: (w) => w.region === 'eu-west-1' },
  { name: '--from', flags: ['--from', '2026-03-02'], keep: (w) => w.day === '2026/03/02' },
  { name: '--to', flags: ['--to', '2026-03-01'], keep: (w) => w.day === '2026/03/01' },
  {
    name: 'all four together',
    flags: [
      ...['--accounts', `${ACC1}, ${ACC2}`, '--regions', 'us-east-1'],
      ...['--from', '2026-03-02', '--to', '2026-03-02'],
    ],
    keep: (w) => w.region === 'us-east-1' && w.day === '2026/03/02',
  },
];

// Each case has a database of its own, so they run side by side; the CLI's start-up dominates.
for (const { name, flags, keep } of FILTER_CASES) {
  test.concurrent(`${name} on a local folder loads only the matching layout files (and files off the layout)`, async ({
    expect,
  }) => {
    const fresh = await createTestDatabase();
    extraDatabases.push(fresh);
    const result = await ingest(filterRoot, fresh.url, ...flags);
    const kept = folders.filter(keep);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(folders.length);
    const summary = parseSummary(result);
    expect(summary).toMatchObject({
      filesTotal: kept.length + 1,
      filesDone: kept.length + 1,
      filesFailed: 0,
      eventsInserted: kept.length * PER_FILE + exportRecords.length,
    });
    expect(result.code).toBe(0);

    const client = new pg.Client({ connectionString: fresh.url });
    await client.connect();
    try {
      const files = await client.query<{ path: string }>('SELECT path FROM ingest_file ORDER BY path');
      const expectedPaths = [...goodFiles.keys()].filter((_, i) => keep(folders[i] as TrailFolder));
      expect(files.rows.map((row) => row.path)).toEqual([...expectedPaths, EXPORT].sort());
      const groups = await client.query<{ account_id: string; region: string; day: string; n: number }>(
        `SELECT account_id, region, to_char(event_time AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*)::int AS n
         FROM event GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      );
      const expected = [
        ...kept.map((w) => ({ account_id: w.account, region: w.region, day: day(w.day), n: PER_FILE })),
        { account_id: '333333333333', region: 'ap-south-1', day: '2026-02-01', n: exportRecords.length },
      ];
      const order = (a: { account_id: string; region: string; day: string }) =>
        `${a.account_id}|${a.region}|${a.day}`;
      expect(groups.rows).toEqual(expected.sort((a, b) => (order(a) < order(b) ? -1 : 1)));
    } finally {
      await client.end();
    }
  });
}

test('an impossible date is refused before anything is loaded', async () => {
  const before = await pool.query('SELECT count(*)::int AS n FROM ingest_job');
  // 2026-02-30 must not be read as 2026-03-02, which would quietly load the wrong days.
  const dates = ['2026-02-30', '2026-13-01', '03/01/2026'];
  const results = await Promise.all(dates.map((bad) => ingest(filterRoot, database.url, '--from', bad)));
  for (const [i, result] of results.entries()) {
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe(
      `trailhound: --from must be a date like 2026-01-31, got "${dates[i]}".`,
    );
  }
  const after = await pool.query('SELECT count(*)::int AS n FROM ingest_job');
  expect(after.rows[0].n).toBe(before.rows[0].n);
});

test('a path that does not exist exits 1 with a message naming it', async () => {
  const result = await runCli(['ingest', '/does/not/exist', '--json', '--no-analyze'], {
    DATABASE_URL: database.url,
  });
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr.trim()).toBe('trailhound: Path "/does/not/exist" does not exist.');
  // The attempt is still on record, so the jobs page shows why nothing was loaded.
  const { rows } = await pool.query(`SELECT status, error FROM ingest_job WHERE source = '/does/not/exist'`);
  expect(rows).toEqual([{ status: 'failed', error: 'Path "/does/not/exist" does not exist.' }]);
});

test('analyze after ingest --no-analyze runs every after-ingest step on the job, not only the rules', async () => {
  const separate = await createTestDatabase();
  extraDatabases.push(separate);
  const summary = parseSummary(await ingest(root, separate.url));
  const db = new pg.Client({ connectionString: separate.url });
  await db.connect();
  try {
    const rolledUp = async () =>
      (await db.query<{ n: number }>('SELECT coalesce(sum(events), 0)::int AS n FROM rollup_service_hourly'))
        .rows[0]?.n;
    expect(await rolledUp()).toBe(0);

    const analyzed = await runCli(['analyze', '--json'], { DATABASE_URL: separate.url });
    expect(analyzed.code, analyzed.stderr).toBe(0);
    expect(JSON.parse(analyzed.stdout)).toHaveLength(1);
    // Overview rollups, principal rollups, detections and scores all saw the job's events.
    expect(await rolledUp()).toBe(summary.eventsInserted);
    const counts = await db.query<{ activity: number; analysed: number; days: number }>(
      `SELECT (SELECT coalesce(sum(events), 0)::int FROM principal_activity_hourly) AS activity,
              (SELECT count(*)::int FROM detection_job WHERE job_id = $1) AS analysed,
              (SELECT count(*)::int FROM principal_day) AS days`,
      [summary.jobId],
    );
    expect(counts.rows[0]).toMatchObject({ activity: summary.eventsInserted, analysed: 1 });
    expect(counts.rows[0]?.days).toBeGreaterThan(0);
  } finally {
    await db.end();
  }
});
