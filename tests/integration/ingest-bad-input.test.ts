import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEFAULT_DECODE_LIMITS } from '../../lib/ingest/decoded-stream';
import { createIngestJob, type RunJobOptions, runIngestJob } from '../../lib/ingest/run-job';
import type { SourceFile } from '../../lib/ingest/sources/types';
import { gz, makeRecord, memoryFile, memorySource } from '../helpers/memory-source';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let database: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url });
});
afterAll(async () => {
  await pool.end();
  await database.drop();
});

async function ingest(files: SourceFile[], options: RunJobOptions = {}) {
  const source = memorySource(files);
  const jobId = await createIngestJob(pool, source);
  const summary = await runIngestJob(pool, jobId, source, options);
  const { rows } = await pool.query(
    'SELECT path, status, error, rejects, events_inserted FROM ingest_file WHERE job_id = $1',
    [jobId],
  );
  const byPath = Object.fromEntries(rows.map((row) => [row.path, row]));
  return { summary, files: byPath };
}

function manyRecords(count: number) {
  return Array.from({ length: count }, () => makeRecord({ requestParameters: { pad: 'p'.repeat(200) } }));
}

test('a corrupt gzip fails with a clear message while the good file next to it loads', async () => {
  const good = makeRecord();
  const corrupt = gz({ Records: manyRecords(300) });
  for (let i = corrupt.length - 200; i < corrupt.length - 100; i++)
    corrupt[i] = (corrupt[i] as number) ^ 0xff;
  const { summary, files } = await ingest([
    memoryFile('good.json.gz', gz({ Records: [good] })),
    memoryFile('corrupt.json.gz', corrupt),
  ]);
  expect(summary.filesFailed).toBe(1);
  expect(summary.errors).toEqual([
    { file: 'corrupt.json.gz', message: expect.stringMatching(/corrupt or truncated gzip/) },
  ]);
  expect(files['good.json.gz'].status).toBe('done');
  expect(files['corrupt.json.gz'].status).toBe('failed');
});

test('a truncated gzip keeps the records before the cut', async () => {
  const whole = gz({ Records: manyRecords(2000) });
  const { summary, files } = await ingest([
    memoryFile('cut.json.gz', whole.subarray(0, Math.floor(whole.length / 2))),
  ]);
  expect(files['cut.json.gz'].status).toBe('failed');
  expect(files['cut.json.gz'].error).toMatch(/truncated gzip/);
  expect(summary.eventsInserted).toBeGreaterThan(100);
  expect(summary.eventsInserted).toBeLessThan(2000);
});

test('truncated JSON, non-JSON and JSON without records are failures named per file', async () => {
  const kept = makeRecord();
  const { summary, files } = await ingest([
    memoryFile('truncated.json', `{"Records":[${JSON.stringify(kept)},{"eventID":"x","eventTi`),
    memoryFile('notes.txt', 'this is not json'),
    memoryFile('config.json', '{"Version":"2012-10-17","Statement":[]}'),
    memoryFile('empty.json.gz', gz('')),
  ]);
  expect(summary).toMatchObject({ filesTotal: 4, filesFailed: 4, eventsInserted: 1 });
  expect(files['truncated.json'].error).toMatch(/truncated JSON/);
  expect(files['notes.txt'].error).toMatch(/not JSON: the content starts with "t"/);
  expect(files['config.json'].error).toMatch(/no CloudTrail records found/);
  expect(files['empty.json.gz'].error).toMatch(/empty/);
});

test('bad records are rejected and counted by reason; good records beside them load', async () => {
  const good = makeRecord();
  const noId = makeRecord();
  delete noId.eventID;
  const noTime = makeRecord();
  delete noTime.eventTime;
  const oversized = makeRecord({ requestParameters: { blob: 'x'.repeat(1_100_000) } });
  const body = Buffer.concat([
    Buffer.from(
      `{"Records":[${JSON.stringify(good)},${JSON.stringify(noId)},${JSON.stringify(noTime)},${JSON.stringify(oversized)},`,
    ),
    Buffer.from('{"eventID":"bad-utf8","userAgent":"'),
    Buffer.from([0xc3, 0x28]),
    Buffer.from('"}]}'),
  ]);
  const { summary, files } = await ingest([memoryFile('mixed.json', body)]);
  expect(summary).toMatchObject({ filesDone: 1, eventsInserted: 1, eventsRejected: 4 });
  const rejects = files['mixed.json'].rejects as Record<string, number>;
  expect(Object.values(rejects).reduce((a, b) => a + b, 0)).toBe(4);
  expect(Object.keys(rejects).join('\n')).toMatch(/eventID/);
  expect(Object.keys(rejects).join('\n')).toMatch(/eventTime/);
  expect(Object.keys(rejects).join('\n')).toMatch(/record too large/);
  expect(Object.keys(rejects).join('\n')).toMatch(/invalid UTF-8/);
});

test('a gzip bomb is stopped at the decompressed-size limit', async () => {
  const bomb = gz(`{"Records":[${'{"eventID":"x"},'.repeat(500_000)}{}]}`);
  const { summary, files } = await ingest([memoryFile('bomb.json.gz', bomb)], {
    limits: { ...DEFAULT_DECODE_LIMITS, maxDecompressedBytes: 1_000_000 },
  });
  expect(summary.filesFailed).toBe(1);
  expect(files['bomb.json.gz'].error).toMatch(/exceeds the limit of 1000000 bytes \(possible gzip bomb\)/);
});
