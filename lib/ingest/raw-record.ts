import type pg from 'pg';
import { unwrapRecord } from '../cloudtrail';
import { readRawItem } from './raw-chunks';

/**
 * The stored event's record as CloudTrail wrote it (unwrapped from lookup-events or EventBridge
 * envelopes), read back from the file it was delivered in. Null when no such event is stored.
 */
export async function readRawRecord(
  db: pg.Pool | pg.ClientBase,
  accountId: string,
  eventId: string,
): Promise<Record<string, unknown> | null> {
  const { rows } = await db.query<{ ingest_file_id: string; raw_ordinal: number }>(
    'SELECT ingest_file_id::text, raw_ordinal FROM event WHERE account_id = $1 AND event_id = $2 LIMIT 1',
    [accountId, eventId],
  );
  const location = rows[0];
  if (!location) return null;
  const item = await readRawItem(db, location.ingest_file_id, location.raw_ordinal);
  return item === null ? null : (unwrapRecord(item) as Record<string, unknown>);
}
