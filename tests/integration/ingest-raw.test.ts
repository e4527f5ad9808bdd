import { expect, test } from 'vitest';
import { readRawRecord } from '../../lib/ingest/raw-record';
import { setupIngestDatabase } from '../helpers/ingest-database';
import { gz, makeRecord, memoryFile } from '../helpers/memory-source';

const db = setupIngestDatabase();
const ingest = db.ingest;

async function accountOf(eventId: string): Promise<string> {
  const { rows } = await db.pool.query('SELECT account_id FROM event WHERE event_id = $1', [eventId]);
  return rows[0].account_id;
}

test('every stored event reads back as the record it was delivered as, whatever the file shape', async () => {
  const inGzip = [makeRecord(), makeRecord({ eventName: 'GetObject', eventSource: 's3.amazonaws.com' })];
  const inPlainArray = [makeRecord({ requestParameters: { roleArn: 'arn:aws:iam::1:role/<b>x</b>' } })];
  const inJsonLines = [makeRecord(), makeRecord(), makeRecord({ errorCode: 'AccessDenied' })];
  const lookupInner = makeRecord({ eventName: 'ConsoleLogin' });
  // Over the small-file threshold, so it streams and is kept in gzipped JSON Lines parts.
  const padding = 'x'.repeat(4000);
  const large = Array.from({ length: 400 }, (_, i) => makeRecord({ userAgent: `agent-${i}-${padding}` }));

  const summary = await ingest([
    memoryFile('AWSLogs/111122223333/CloudTrail/eu-west-1/2026/10/01/a.json.gz', gz({ Records: inGzip })),
    memoryFile('export/array.json', JSON.stringify(inPlainArray)),
    memoryFile('export/lines.jsonl', inJsonLines.map((record) => JSON.stringify(record)).join('\n')),
    memoryFile(
      'export/lookup.json',
      JSON.stringify({
        Events: [{ EventId: lookupInner.eventID, CloudTrailEvent: JSON.stringify(lookupInner) }],
      }),
    ),
    memoryFile('export/large.json', JSON.stringify({ Records: large })),
  ]);
  expect(summary).toMatchObject({ filesFailed: 0, eventsRejected: 0, eventsInserted: 2 + 1 + 3 + 1 + 400 });

  for (const record of [
    ...inGzip,
    ...inPlainArray,
    ...inJsonLines,
    lookupInner,
    ...large.slice(0, 1),
    ...large.slice(-1),
  ]) {
    const eventId = record.eventID as string;
    expect(await readRawRecord(db.pool, await accountOf(eventId), eventId)).toEqual(record);
  }
  const { rows } = await db.pool.query<{ layout: string; n: number }>(
    'SELECT layout, count(*)::int AS n FROM raw_chunk GROUP BY 1 ORDER BY 1',
  );
  expect(rows).toEqual([
    { layout: 'file', n: 4 },
    { layout: 'json-lines', n: 1 },
  ]);
});

test('a file whose events were all stored already keeps no second raw copy', async () => {
  const records = [makeRecord(), makeRecord()];
  await ingest([memoryFile('first.json', JSON.stringify({ Records: records }))]);
  const before = await db.pool.query('SELECT count(*)::int AS n FROM raw_chunk');
  const again = await ingest([
    memoryFile('second-trail.json', JSON.stringify({ Records: records }, null, 1)),
  ]);
  expect(again).toMatchObject({ eventsInserted: 0, eventsDuplicate: 2 });
  const after = await db.pool.query('SELECT count(*)::int AS n FROM raw_chunk');
  expect(after.rows[0].n).toBe(before.rows[0].n);
});

test('an unknown event reads back as null', async () => {
  expect(await readRawRecord(db.pool, '111122223333', 'no-such-event')).toBeNull();
});

test('a finished job leaves no block range of its events outside the ingest-file index', async () => {
  await ingest([
    memoryFile(
      'AWSLogs/111122223333/CloudTrail/eu-west-1/2026/10/02/b.json.gz',
      gz({ Records: Array.from({ length: 2000 }, () => makeRecord({ userAgent: 'x'.repeat(500) })) }),
    ),
  ]);
  // 2,000 records fill several 32-page block ranges. Summarising again finds nothing new (the
  // last, partial range is never summarised until it is full): the job already did it, so the after-ingest steps'
  // BRIN scans prune to the job's own ranges instead of reading every unsummarised one.
  const { rows } = await db.pool.query(
    `SELECT coalesce(sum(brin_summarize_new_values(relid)), 0)::int AS added
       FROM pg_partition_tree('event_ingest_file_brin'::regclass) WHERE isleaf`,
  );
  expect(rows[0].added).toBe(0);
});
