// Rebuilds NormalizedEvents for a time range from what ingest stored. Rules read the raw record
// (requestParameters, responseElements, resources...), so the reader goes back to the records as
// delivered: the event rows say which file and position each event came from, the file's
// raw_chunk is inflated once (large parts on the zlib thread pool) and parsed once,
// and the wanted records go through the same normaliser as at ingest. That costs less than
// rebuilding records from columns + detail jsonb (docs/detections.md has the measurement), and
// cannot drift from what ingest accepted.

import { promisify } from 'node:util';
import { gunzip as gunzipCallback, gunzipSync } from 'node:zlib';
import type pg from 'pg';
import { isObject, normalizeRecord, unwrapRecord } from '@/lib/cloudtrail';
import type { NormalizedEvent } from '@/lib/cloudtrail/types';
import { RecordSplitter, type SplitItem } from '@/lib/ingest/record-splitter';

const gunzip = promisify(gunzipCallback);

// Most CloudTrail files are a few kilobytes of gzip. For those the asynchronous API costs several
// times the inflating itself (a stream and a thread-pool round trip per file, about 4x the CPU on
// 5-10 KB files, and still more main-thread time than inflating them there), so they are inflated
// in place; large parts still go to the zlib thread pool.
const INFLATE_IN_PLACE_BYTES = 256 * 1024;

function inflate(content: Buffer): Promise<Buffer | null> | Buffer | null {
  if (content.length > INFLATE_IN_PLACE_BYTES) return gunzip(content).catch(() => null);
  try {
    return gunzipSync(content);
  } catch {
    return null;
  }
}

type Db = pg.Pool | pg.ClientBase;

// Files per raw_chunk query: enough that per-query costs vanish, few enough to bound memory.
const FILES_PER_QUERY = 200;

export interface EventRange {
  from: Date;
  // Exclusive.
  to: Date;
  // Null: every account.
  accountIds: readonly string[] | null;
  // Only events with these eventNames (event_name_time_idx); null or absent: all.
  eventNames?: readonly string[] | null;
}

interface ChunkRow {
  ingest_file_id: string;
  first_ordinal: number;
  layout: 'file' | 'json-lines';
  content: Buffer;
  path: string;
}

/** The top-level items of a whole stored file (Records envelope, array, or lookup-events Events). */
function fileItems(content: Buffer): unknown[] {
  try {
    const parsed: unknown = JSON.parse(content.toString('utf8'));
    if (Array.isArray(parsed)) return parsed;
    if (isObject(parsed) && Array.isArray(parsed.Records)) return parsed.Records;
    if (isObject(parsed) && Array.isArray(parsed.Events)) return parsed.Events;
  } catch {
    // JSON Lines, concatenated documents or a damaged file: numbered by the splitter, as at ingest.
  }
  const items: unknown[] = [];
  const splitter = new RecordSplitter(Number.MAX_SAFE_INTEGER);
  const take = (item: SplitItem) => {
    if (item.type === 'oversized') {
      items.push(null);
      return;
    }
    try {
      items.push(JSON.parse(item.bytes.toString('utf8')));
    } catch {
      items.push(null);
    }
  };
  try {
    splitter.write(content, take);
    splitter.end(take);
  } catch {
    // Ingest kept the records before the damage; so do we.
  }
  return items;
}

function chunkItems(chunk: ChunkRow, content: Buffer, wanted: Set<number>): Map<number, unknown> {
  const found = new Map<number, unknown>();
  if (chunk.layout === 'file') {
    const items = fileItems(content);
    for (const ordinal of wanted) if (ordinal < items.length) found.set(ordinal, items[ordinal]);
    return found;
  }
  // JSON Lines part: line i is ordinal first_ordinal + i; parse only the wanted lines.
  let start = 0;
  let ordinal = chunk.first_ordinal;
  while (start < content.length) {
    let end = content.indexOf(10, start);
    if (end < 0) end = content.length;
    if (wanted.has(ordinal)) {
      try {
        found.set(ordinal, JSON.parse(content.subarray(start, end).toString('utf8')));
      } catch {
        // The placeholder of an oversized record, or damage: that event has no record to judge.
      }
    }
    start = end + 1;
    ordinal++;
  }
  return found;
}

export interface LoadedEvents {
  events: NormalizedEvent[];
  // Event rows whose record could not be read back (damaged chunk); counted, never fatal.
  missing: number;
}

/** Every stored event in the range, as NormalizedEvents with their raw records. Unsorted. */
export async function loadEvents(db: Db, range: EventRange): Promise<LoadedEvents> {
  const params: unknown[] = [range.from, range.to];
  let filters = '';
  if (range.accountIds) {
    params.push(range.accountIds);
    filters = 'AND account_id = ANY($3::text[])';
  }
  if (range.eventNames) {
    params.push(range.eventNames);
    filters += ` AND event_name = ANY($${params.length}::text[])`;
  }
  const { rows } = await db.query<{ file: string; ordinals: number[] }>(
    `SELECT ingest_file_id::text AS file, array_agg(raw_ordinal) AS ordinals FROM event
     WHERE event_time >= $1 AND event_time < $2 ${filters}
     GROUP BY ingest_file_id`,
    params,
  );
  const wantedByFile = new Map(rows.map((row) => [row.file, new Set(row.ordinals)]));
  const expected = rows.reduce((sum, row) => sum + row.ordinals.length, 0);
  const files = [...wantedByFile.keys()];
  const events: NormalizedEvent[] = [];

  for (let start = 0; start < files.length; start += FILES_PER_QUERY) {
    const batch = files.slice(start, start + FILES_PER_QUERY);
    const { rows: chunks } = await db.query<ChunkRow>(
      `SELECT c.ingest_file_id::text AS ingest_file_id, c.first_ordinal, c.layout, c.content, f.path
       FROM raw_chunk c JOIN ingest_file f ON f.id = c.ingest_file_id
       WHERE c.ingest_file_id = ANY($1::bigint[])`,
      [batch],
    );
    const inflated = await Promise.all(chunks.map((chunk) => inflate(chunk.content)));
    chunks.forEach((chunk, index) => {
      const content = inflated[index];
      const wanted = wantedByFile.get(chunk.ingest_file_id);
      if (!content || !wanted) return;
      for (const item of chunkItems(chunk, content, wanted).values()) {
        const result = normalizeRecord(unwrapRecord(item), { sourceFile: chunk.path });
        if (result.ok) events.push(result.event);
      }
    });
  }
  return { events, missing: expected - events.length };
}
