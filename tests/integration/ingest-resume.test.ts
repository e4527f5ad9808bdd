import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createIngestJob, type JobSummary, runIngestJob } from '../../lib/ingest/run-job';
import type { IngestSource, SourceFile } from '../../lib/ingest/sources/types';
import { gz, makeRecord, memoryFile, memorySource } from '../helpers/memory-source';
import { parseSummary, runCli, startCli } from '../helpers/run-cli';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { dayRecords, logKey, type TrailFolder, writeTree } from '../helpers/trail-tree';

/**
 * The kill -9 guarantee: a load interrupted at any point and run again ends with exactly the
 * events an uninterrupted load gives, each once. Files load in transactions together with their
 * manifest rows, so a killed process leaves committed files and nothing else.
 */

const FOLDERS: TrailFolder[] = ['111111111111', '222222222222'].flatMap((account) =>
  ['us-east-1', 'eu-west-1'].flatMap((region) =>
    ['2026/03/01', '2026/03/02'].map((day) => ({ account, region, day })),
  ),
);
const FILES_PER_FOLDER = 5;
const FILES = FOLDERS.length * FILES_PER_FOLDER;
const PER_FILE = 1500;
// CloudTrail delivers at least once: each file repeats the tail of the one before it.
const REDELIVERED = 50;
// Incompressible bytes per record (as base64), so the corpus spans many of the runner's batches,
// which are cut by delivered size: a kill has to land between two commits to test anything.
const PAD_BYTES = 384;

let root: string;
let dbA: TestDatabase;
let dbB: TestDatabase;
let a: pg.Client;
let b: pg.Client;
let summaryA: JobSummary;

interface JobRow {
  id: string;
  status: string;
  events_inserted: string;
  events_duplicate: string;
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'th-resume-'));
  const files = new Map<string, Buffer>();
  for (const where of FOLDERS) {
    const records = dayRecords(where, 'corpus', FILES_PER_FOLDER * (PER_FILE - REDELIVERED) + REDELIVERED);
    for (const record of records)
      record.requestParameters = { nonce: randomBytes(PAD_BYTES).toString('base64') };
    for (let k = 0; k < FILES_PER_FOLDER; k++) {
      const start = k * (PER_FILE - REDELIVERED);
      const hhmm = `${String(4 * k).padStart(2, '0')}05`;
      files.set(
        logKey(where, hhmm, `part${k}`),
        // Level 1: the padding does not compress anyway, and generation time counts.
        gzipSync(JSON.stringify({ Records: records.slice(start, start + PER_FILE) }), { level: 1 }),
      );
    }
  }
  writeTree(root, files);
  [dbA, dbB] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  a = new pg.Client({ connectionString: dbA.url });
  b = new pg.Client({ connectionString: dbB.url });
  await Promise.all([a.connect(), b.connect()]);
});

afterAll(async () => {
  await Promise.all([a?.end(), b?.end()]);
  await Promise.all([dbA?.drop(), dbB?.drop()]);
  rmSync(root, { recursive: true, force: true });
});

const ingestArgs = () => ['ingest', root, '--json', '--no-analyze'];

/**
 * Everything stored about the events, in one comparable value. Ingest bookkeeping (file and
 * dimension row ids) is left out, and so is which file holds the raw copy of an event that two
 * files carry: that depends on which one loaded first.
 */
async function eventFingerprint(client: pg.Client) {
  const { rows } = await client.query<{ n: number; distinct_keys: number; ids: string; content: string }>(
    `SELECT count(*)::int AS n,
            count(DISTINCT (e.account_id, e.event_id))::int AS distinct_keys,
            md5(string_agg(e.account_id || '/' || e.event_id, ',' ORDER BY e.account_id, e.event_id)) AS ids,
            md5(string_agg(concat_ws('/', e.account_id, e.event_id, e.event_time, e.event_name, p.principal_key,
                                     ua.value, e.source_ip, e.error_code, e.detail::text), ','
                           ORDER BY e.account_id, e.event_id)) AS content
     FROM event e JOIN principal p ON p.id = e.principal_id LEFT JOIN user_agent ua ON ua.id = e.user_agent_id`,
  );
  return rows[0];
}

/** Per path: how many of its records were accepted, and the content hash digests are checked against. */
async function loadedFiles(client: pg.Client) {
  const { rows } = await client.query<{ path: string; accepted: number; sha: string }>(
    `SELECT path, (events_inserted + events_duplicate)::int AS accepted, content_sha256 AS sha
     FROM ingest_file WHERE status = 'done' ORDER BY path`,
  );
  return rows;
}

test('an uninterrupted load (database A) is the reference', async () => {
  const result = await runCli(ingestArgs(), { DATABASE_URL: dbA.url });
  summaryA = parseSummary(result);
  expect(result.code).toBe(0);
  const unique = FOLDERS.length * (FILES_PER_FOLDER * (PER_FILE - REDELIVERED) + REDELIVERED);
  expect(summaryA).toMatchObject({
    filesTotal: FILES,
    filesDone: FILES,
    filesFailed: 0,
    eventsInserted: unique,
    eventsDuplicate: FILES * PER_FILE - unique,
  });
  const fingerprint = await eventFingerprint(a);
  expect(fingerprint).toMatchObject({ n: unique, distinct_keys: unique });
}, 120_000);

test('kill -9 mid-load, run again: exactly the same events as the uninterrupted load', async () => {
  expect(summaryA, 'needs the reference load').toBeDefined();
  const killed = startCli(ingestArgs(), { DATABASE_URL: dbB.url });

  // Kill while some files are committed and another is streaming into its load transaction (its
  // COPY is running, so its commit is still a merge and a manifest update away).
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && killed.child.exitCode === null) {
    const { rows } = await b.query<{ done: number; copying: number }>(
      `SELECT (SELECT count(*)::int FROM ingest_file WHERE status = 'done') AS done,
              (SELECT count(*)::int FROM pg_stat_activity
               WHERE datname = current_database() AND state <> 'idle' AND query LIKE 'COPY event%') AS copying`,
    );
    const { done, copying } = rows[0] ?? { done: 0, copying: 0 };
    if (done >= 1 && copying >= 1) break;
    await sleep(10);
  }
  killed.child.kill('SIGKILL');
  const outcome = await killed.done;
  expect(outcome.signal, `the load finished before it could be killed: ${outcome.stdout}`).toBe('SIGKILL');
  expect(outcome.stdout).toBe('');

  // Wait until the server has noticed the dead client and rolled its transactions back, as it has
  // by the time anyone runs the command again.
  for (let i = 0; ; i++) {
    const { rows } = await b.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    if (rows[0]?.n === 0) break;
    if (i > 500) throw new Error('the killed process still has sessions open');
    await sleep(20);
  }

  const { rows: jobs } = await b.query<JobRow>(
    'SELECT id::text, status, events_inserted::text, events_duplicate::text FROM ingest_job',
  );
  expect(jobs).toHaveLength(1);
  const killedJob = jobs[0] as JobRow;
  // Nothing has looked at the job since: it still claims to run.
  expect(killedJob.status).toBe('running');
  const { rows: atKill } = await b.query<{ id: string; status: string; events: number }>(
    `SELECT f.id::text, f.status, (SELECT count(*)::int FROM event e WHERE e.ingest_file_id = f.id) AS events
     FROM ingest_file f ORDER BY f.id`,
  );
  const doneAtKill = atKill.filter((f) => f.status === 'done');
  const inFlight = atKill.filter((f) => f.status === 'running');
  expect(doneAtKill.length).toBeGreaterThanOrEqual(1);
  expect(doneAtKill.length).toBeLessThan(FILES);
  // The files cut off mid-load left none of their events behind: every stored event belongs to a
  // committed file. (A small file has no manifest row until its batch commits; a large one shows
  // as running while it loads.)
  expect(inFlight.every((f) => f.events === 0)).toBe(true);
  const orphans = await b.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM event e
     WHERE NOT EXISTS (SELECT 1 FROM ingest_file f WHERE f.id = e.ingest_file_id AND f.status = 'done')`,
  );
  expect(orphans.rows[0]?.n).toBe(0);
  // The committed files' counters match the events they added.
  const committed = await b.query<{ n: number }>('SELECT count(*)::int AS n FROM event');
  expect(committed.rows[0]?.n).toBe(Number(killedJob.events_inserted));

  const rerun = await runCli(ingestArgs(), { DATABASE_URL: dbB.url });
  const summaryB = parseSummary(rerun);
  expect(rerun.code).toBe(0);
  expect(summaryB).toMatchObject({
    filesTotal: FILES,
    filesDone: FILES,
    filesFailed: 0,
    filesSkipped: doneAtKill.length,
    eventsRejected: 0,
    errors: [],
  });

  // Same events, byte for byte, each once; and the two jobs together counted what A counted.
  const [fingerprintA, fingerprintB] = await Promise.all([eventFingerprint(a), eventFingerprint(b)]);
  expect(fingerprintB).toEqual(fingerprintA);
  expect(fingerprintB?.n).toBe(fingerprintB?.distinct_keys);
  expect(Number(killedJob.events_inserted) + summaryB.eventsInserted).toBe(summaryA.eventsInserted);
  expect(Number(killedJob.events_duplicate) + summaryB.eventsDuplicate).toBe(summaryA.eventsDuplicate);

  // Every file is loaded exactly once across the two jobs, with the records and content A saw.
  expect(await loadedFiles(b)).toEqual(await loadedFiles(a));
  const skipped = await b.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ingest_file WHERE job_id = $1 AND status = 'skipped'`,
    [summaryB.jobId],
  );
  expect(skipped.rows[0]?.n).toBe(doneAtKill.length);

  // The re-run saw that the killed job's process is gone (its claim on the job was released with
  // its connections) and closed the job and its cut-off files as interrupted, without waiting for
  // the two-minute heartbeat timeout.
  const { rows: after } = await b.query<{ status: string; error: string | null }>(
    'SELECT status, error FROM ingest_job WHERE id = $1',
    [killedJob.id],
  );
  expect(after[0]).toEqual({ status: 'failed', error: expect.stringMatching(/^interrupted/) });
  const { rows: leftovers } = await b.query<{ status: string; error: string | null }>(
    `SELECT status, error FROM ingest_file WHERE job_id = $1 AND status <> 'done'`,
    [killedJob.id],
  );
  expect(leftovers).toEqual(
    inFlight.map(() => ({ status: 'failed', error: 'interrupted before it finished' })),
  );
}, 120_000);

test('a live job is never taken for a dead one, however long it lists or loads', async () => {
  const database = await createTestDatabase();
  const pool = new pg.Pool({ connectionString: database.url });
  try {
    let releaseListing = () => {};
    let releaseLoad = () => {};
    const listing = new Promise<void>((resolve) => {
      releaseListing = resolve;
    });
    const loading = new Promise<void>((resolve) => {
      releaseLoad = resolve;
    });
    const file = memoryFile('slow.json.gz', gz({ Records: [makeRecord()] }));
    // A bucket that takes minutes to list, then a file that takes minutes to load.
    const slow: IngestSource = {
      kind: 'upload',
      description: 'memory://slow',
      async *list() {
        await listing;
        yield {
          ...file,
          async open() {
            await loading;
            return file.open();
          },
        } satisfies SourceFile;
      },
    };
    const jobState = async (id: string) =>
      (await pool.query<{ status: string }>('SELECT status FROM ingest_job WHERE id = $1', [id])).rows[0]
        ?.status;
    const otherJob = async () => {
      const other = memorySource([memoryFile(`other-${Date.now()}.json`, JSON.stringify(makeRecord()))]);
      await runIngestJob(pool, await createIngestJob(pool, other), other);
    };

    const slowId = await createIngestJob(pool, slow);
    const slowRun = runIngestJob(pool, slowId, slow);
    // Still listing, and created long enough ago that a queued job without a runner counts as abandoned.
    await sleep(200);
    await pool.query(`UPDATE ingest_job SET created_at = now() - interval '10 minutes' WHERE id = $1`, [
      slowId,
    ]);
    await otherJob();
    expect(await jobState(slowId)).toBe('queued');

    releaseListing();
    for (let i = 0; (await jobState(slowId)) !== 'running'; i++) {
      if (i > 250) throw new Error('the slow job never started loading');
      await sleep(20);
    }
    // Loading, with a heartbeat that looks long stale.
    await pool.query(`UPDATE ingest_job SET heartbeat_at = now() - interval '10 minutes' WHERE id = $1`, [
      slowId,
    ]);
    await otherJob();
    expect(await jobState(slowId)).toBe('running');

    releaseLoad();
    await expect(slowRun).resolves.toMatchObject({ filesDone: 1, eventsInserted: 1 });
    expect(await jobState(slowId)).toBe('done');
  } finally {
    await pool.end();
    await database.drop();
  }
});
