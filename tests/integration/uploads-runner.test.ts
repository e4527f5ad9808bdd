import pg from 'pg';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import type { IngestSource } from '../../lib/ingest/sources/types';
import { gz, makeRecord, memoryFile } from '../helpers/memory-source';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// The runner is server code; outside Next's react-server build the marker package would throw.
vi.mock('server-only', () => ({}));

let database: TestDatabase;
let pool: pg.Pool;
let runner: typeof import('../../lib/ingest-runner/ingest-runner');
let createIngestJob: typeof import('../../lib/ingest/run-job').createIngestJob;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url });
  // getPool() reads DATABASE_URL once, on first use, so set it before the runner starts a job.
  process.env.DATABASE_URL = database.url;
  runner = await import('../../lib/ingest-runner/ingest-runner');
  ({ createIngestJob } = await import('../../lib/ingest/run-job'));
});
afterAll(async () => {
  await (await import('../../lib/db/pg-pool')).closePool();
  await pool.end();
  await database.drop();
});

/** An upload-like source that lists nothing until `open()` is called. */
function gatedSource(name: string) {
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const source: IngestSource = {
    kind: 'upload',
    description: name,
    async *list() {
      await gate;
      yield memoryFile(`${name}.json.gz`, gz({ Records: [makeRecord(), makeRecord()] }));
    },
  };
  return { source, open };
}

const statusOf = async (jobId: string) =>
  (
    await pool.query<{ status: string; error: string | null }>(
      'SELECT status, error FROM ingest_job WHERE id = $1',
      [jobId],
    )
  ).rows[0];

test('runs two jobs at a time, queues the rest, and settles each one', async () => {
  expect(runner.MAX_RUNNING_JOBS).toBe(2);
  const gated = ['a', 'b', 'c'].map(gatedSource);
  const settled: string[] = [];
  const jobIds: string[] = [];
  for (const { source } of gated) {
    const jobId = await createIngestJob(pool, source);
    jobIds.push(jobId);
    runner.enqueueIngestJob({ jobId, source, onSettled: async () => void settled.push(jobId) });
  }
  const [a, b, c] = jobIds as [string, string, string];
  // a and b are listing their sources (the job row says 'running' only once that is done).
  expect([a, b, c].map(runner.runnerPhase)).toEqual(['loading', 'loading', 'queued']);
  expect((await statusOf(c))?.status).toBe('queued');

  gated[0]?.open();
  // The first to finish frees a slot for the queued one.
  // Generous waits: nothing here is timed, and a busy machine loads slowly.
  await vi.waitFor(async () => expect((await statusOf(a))?.status).toBe('done'), { timeout: 20_000 });
  await vi.waitFor(() => expect(runner.runnerPhase(c)).toBe('loading'), { timeout: 20_000 });
  gated[1]?.open();
  gated[2]?.open();
  await vi.waitFor(async () => expect(settled.sort()).toEqual([...jobIds].sort()), { timeout: 20_000 });
  for (const jobId of jobIds) {
    expect(await statusOf(jobId)).toEqual({ status: 'done', error: null });
    expect(runner.runnerPhase(jobId)).toBeNull();
  }
});

test('a source that fails is recorded on the job and still settles', async () => {
  const source: IngestSource = {
    kind: 's3',
    description: 's3://nowhere/',
    // biome-ignore lint/correctness/useYield: fails before it could list anything
    async *list() {
      throw new Error('Access denied to S3 bucket "nowhere"');
    },
  };
  const jobId = await createIngestJob(pool, source);
  let settled = false;
  runner.enqueueIngestJob({
    jobId,
    source,
    onSettled: async () => {
      settled = true;
    },
  });
  await vi.waitFor(() => expect(settled).toBe(true), { timeout: 20_000 });
  expect(await statusOf(jobId)).toEqual({ status: 'failed', error: 'Access denied to S3 bucket "nowhere"' });
});
