import { expect, test } from 'vitest';
import { jobHours } from '../../lib/detections/runner/job-hours';
import { setupIngestDatabase } from '../helpers/ingest-database';
import { gz, makeRecord, memoryFile } from '../helpers/memory-source';

/**
 * The hours an incremental run analyses come from runs of the job's file ids; a job whose files
 * are not numbered consecutively (another job's files in between) must still get every hour its
 * events fall in, and no hour of the other job's files.
 */

const db = setupIngestDatabase();

// One file per hour of 2026-10-01, alternating between two accounts.
function hourFile(name: string, hour: number) {
  const account = hour % 2 === 0 ? '111122223333' : '444455556666';
  const time = new Date(Date.UTC(2026, 9, 1, hour, 15, 0)).toISOString().replace('.000', '');
  return memoryFile(
    `AWSLogs/${account}/CloudTrail/us-east-1/2026/10/01/${name}.json.gz`,
    gz({ Records: [makeRecord({ eventTime: time, recipientAccountId: account })] }),
  );
}

// The runner's question, answered by the plain join.
async function naiveHours(jobId: string) {
  const { rows } = await db.pool.query(
    `SELECT DISTINCT e.account_id, date_trunc('hour', e.event_time) AS hour FROM event e
     WHERE e.ingest_file_id IN (SELECT id FROM ingest_file WHERE job_id = $1)`,
    [jobId],
  );
  return rows;
}

const sorted = (rows: { account_id: string; hour: Date }[]) =>
  rows.map((row) => `${row.account_id}@${row.hour.toISOString()}`).sort();

test("a job's hours are found whether or not its files are numbered consecutively", async () => {
  await db.ingest([0, 1, 2, 3, 4, 5].map((hour) => hourFile(`a-${hour}`, hour)));
  await db.ingest([10, 11, 12].map((hour) => hourFile(`b-${hour}`, hour)));
  const jobs = await db.pool.query<{ id: string }>('SELECT id::text FROM ingest_job ORDER BY id');
  const [first, second] = jobs.rows.map((row) => row.id) as [string, string];

  // Hand two of the first job's files, one in the middle of its ids, to the second job.
  await db.pool.query(
    `UPDATE ingest_file SET job_id = $1 WHERE path LIKE '%/a-2.json.gz' OR path LIKE '%/a-3.json.gz'`,
    [second],
  );
  const gaps = await db.pool.query(
    'SELECT max(id) - min(id) + 1 > count(*) AS gapped FROM ingest_file WHERE job_id = $1',
    [second],
  );
  expect(gaps.rows[0].gapped).toBe(true);

  for (const job of [first, second]) {
    const found = sorted(await jobHours(db.pool, job));
    expect(found).toEqual(sorted(await naiveHours(job)));
  }
  expect(sorted(await jobHours(db.pool, second))).toEqual([
    '111122223333@2026-10-01T02:00:00.000Z',
    '111122223333@2026-10-01T10:00:00.000Z',
    '111122223333@2026-10-01T12:00:00.000Z',
    '444455556666@2026-10-01T03:00:00.000Z',
    '444455556666@2026-10-01T11:00:00.000Z',
  ]);
});
