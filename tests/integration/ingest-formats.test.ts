import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { projectRoot } from '../../lib/config/paths';
import { readRawRecord } from '../../lib/ingest/raw-record';
import { createIngestJob, runIngestJob } from '../../lib/ingest/run-job';
import type { SourceFile } from '../../lib/ingest/sources/types';
import { gz, makeRecord, memoryFile, memorySource } from '../helpers/memory-source';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

const datasets = path.resolve(projectRoot, '..', 'shared', 'datasets');
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

async function ingest(files: SourceFile[]) {
  const source = memorySource(files);
  const jobId = await createIngestJob(pool, source);
  return runIngestJob(pool, jobId, source);
}

async function fileRow(jobId: string, filePath: string) {
  const { rows } = await pool.query('SELECT * FROM ingest_file WHERE job_id = $1 AND path = $2', [
    jobId,
    filePath,
  ]);
  return rows[0];
}

async function countEvents(where = 'true', params: unknown[] = []): Promise<number> {
  const { rows } = await pool.query(`SELECT count(*)::int AS n FROM event WHERE ${where}`, params);
  return rows[0].n;
}

test('loads a gzipped trail file and counts a second delivery as duplicates', async () => {
  const records = [makeRecord(), makeRecord({ eventName: 'ListBuckets', eventSource: 's3.amazonaws.com' })];
  const first = await ingest([
    memoryFile('AWSLogs/111122223333/CloudTrail/us-east-1/2026/10/01/a.json.gz', gz({ Records: records })),
  ]);
  expect(first).toMatchObject({
    filesTotal: 1,
    filesDone: 1,
    filesFailed: 0,
    eventsInserted: 2,
    eventsDuplicate: 0,
  });
  expect(
    (await fileRow(first.jobId, 'AWSLogs/111122223333/CloudTrail/us-east-1/2026/10/01/a.json.gz')).kind,
  ).toBe('trail');

  // The same events delivered by a second trail, in a plain (not gzipped) file.
  const second = await ingest([memoryFile('other-trail/b.json', JSON.stringify({ Records: records }))]);
  expect(second).toMatchObject({ filesDone: 1, eventsInserted: 0, eventsDuplicate: 2 });
  expect(await countEvents('event_id = ANY($1)', [records.map((record) => record.eventID)])).toBe(2);
});

test('skips a file already loaded, whatever its name', async () => {
  const content = gz({ Records: [makeRecord()] });
  const first = await ingest([memoryFile('x/one.json.gz', content)]);
  expect(first.eventsInserted).toBe(1);
  const again = await ingest([
    memoryFile('x/one.json.gz', content),
    memoryFile('copy/of-one.json.gz', content),
  ]);
  expect(again).toMatchObject({ filesTotal: 2, filesDone: 2, filesSkipped: 2, eventsInserted: 0 });
  expect((await fileRow(again.jobId, 'copy/of-one.json.gz')).error).toMatch(
    /already loaded by job \d+ \(x\/one.json.gz\)/,
  );
});

test('reads lookup-events output, JSON Lines and plain arrays by content', async () => {
  const lookup = makeRecord();
  const lines = [makeRecord(), makeRecord()];
  const array = [makeRecord(), makeRecord(), makeRecord()];
  const summary = await ingest([
    memoryFile(
      'lookup.json',
      JSON.stringify({ Events: [{ EventId: lookup.eventID, CloudTrailEvent: JSON.stringify(lookup) }] }),
    ),
    memoryFile('lines.data', lines.map((record) => JSON.stringify(record)).join('\n')),
    memoryFile('array.gz', gz(array)),
  ]);
  expect(summary).toMatchObject({ filesDone: 3, filesFailed: 0, eventsInserted: 6 });
  expect((await fileRow(summary.jobId, 'lookup.json')).kind).toBe('lookup-events');
  expect((await fileRow(summary.jobId, 'lines.data')).kind).toBe('json-lines');
  expect((await fileRow(summary.jobId, 'array.gz')).kind).toBe('json-array');
});

test('loads every record of the real datasets', async () => {
  const otrf = 'otrf-security-datasets-aws-cloud-breach-s3/ec2_proxy_s3_exfiltration_2020-09-14011940.json';
  const stratus = 'stratus-red-team-detonation-logs/logs/aws.defense-evasion.cloudtrail-stop.json';
  const summary = await ingest([
    memoryFile(otrf, readFileSync(path.join(datasets, otrf))),
    memoryFile(stratus, readFileSync(path.join(datasets, stratus))),
  ]);
  expect(summary.filesFailed).toBe(0);
  expect(summary.eventsRejected).toBe(0);
  expect(summary.eventsInserted).toBeGreaterThan(100);
  expect(await countEvents("event_name = 'StopLogging'")).toBeGreaterThan(0);
});

test('stores hostile content verbatim, and NUL characters as replacement characters', async () => {
  const hostile = makeRecord({
    userAgent: '<script>alert(1)</script>\u0000=HYPERLINK("http://x")',
    requestParameters: { bucketName: "'; DROP TABLE event; --\t\\" },
  });
  const summary = await ingest([memoryFile('hostile.json', JSON.stringify({ Records: [hostile] }))]);
  expect(summary).toMatchObject({ eventsInserted: 1, eventsRejected: 0 });
  const { rows } = await pool.query(
    `SELECT ua.value AS user_agent, e.detail, e.account_id FROM event e JOIN user_agent ua ON ua.id = e.user_agent_id
     WHERE e.event_id = $1`,
    [hostile.eventID],
  );
  expect(rows[0].user_agent).toBe('<script>alert(1)</script>\uFFFD=HYPERLINK("http://x")');
  expect(rows[0].detail.requestParameters.bucketName).toBe("'; DROP TABLE event; --\t\\");
  // The record as delivered is kept byte for byte, NUL included.
  const raw = await readRawRecord(pool, rows[0].account_id, hostile.eventID as string);
  expect(raw?.userAgent).toBe('<script>alert(1)</script>\u0000=HYPERLINK("http://x")');
  expect(raw?.requestParameters).toEqual({ bucketName: "'; DROP TABLE event; --\t\\" });
});

test('a re-delivery with an addendum replaces the stored event instead of being dropped', async () => {
  const original = makeRecord({ errorCode: 'ThrottlingException' });
  await ingest([memoryFile('original.json', JSON.stringify({ Records: [original] }))]);
  const updated = {
    ...original,
    errorCode: undefined,
    addendum: { reason: 'UPDATED_DATA', updatedFields: 'errorCode', originalEventID: original.eventID },
  };
  const summary = await ingest([memoryFile('redelivered.json', JSON.stringify({ Records: [updated] }))]);
  expect(summary).toMatchObject({ eventsInserted: 0, eventsDuplicate: 1 });
  const { rows } = await pool.query('SELECT error_code, detail, account_id FROM event WHERE event_id = $1', [
    original.eventID,
  ]);
  expect(rows).toHaveLength(1);
  expect(rows[0].error_code).toBeNull();
  expect(rows[0].detail.addendum.reason).toBe('UPDATED_DATA');
  // Drill-down shows the re-delivered record, not the original.
  expect((await readRawRecord(pool, rows[0].account_id, original.eventID as string))?.addendum).toMatchObject(
    {
      reason: 'UPDATED_DATA',
    },
  );

  // The original delivered again by another trail (other bytes, same event) does not undo it.
  const late = await ingest([
    memoryFile('original-again.json', JSON.stringify({ Records: [original] }, null, 2)),
  ]);
  expect(late).toMatchObject({ filesSkipped: 0, eventsDuplicate: 1 });
  const again = await pool.query('SELECT detail FROM event WHERE event_id = $1', [original.eventID]);
  expect(again.rows[0].detail.addendum.reason).toBe('UPDATED_DATA');
});

test('an addendum delivered in the same batch as the original still replaces it', async () => {
  const original = makeRecord({ errorCode: 'ThrottlingException' });
  const updated = {
    ...original,
    errorCode: undefined,
    addendum: { reason: 'UPDATED_DATA', updatedFields: 'errorCode', originalEventID: original.eventID },
  };
  const summary = await ingest([
    memoryFile('same-batch/1-original.json', JSON.stringify({ Records: [original] })),
    memoryFile('same-batch/2-redelivered.json', JSON.stringify({ Records: [updated] })),
  ]);
  expect(summary).toMatchObject({ eventsInserted: 1, eventsDuplicate: 1, filesFailed: 0 });
  const { rows } = await pool.query('SELECT error_code, detail FROM event WHERE event_id = $1', [
    original.eventID,
  ]);
  expect(rows).toHaveLength(1);
  expect(rows[0].error_code).toBeNull();
  expect(rows[0].detail.addendum.reason).toBe('UPDATED_DATA');
});
