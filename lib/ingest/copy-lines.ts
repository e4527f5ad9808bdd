import { type EventRefs, toCopyLine } from './copy-format';
import type { DimensionStore } from './dimensions';
import type { DecodedRow } from './record-decoder';

export interface FileLines {
  /** COPY lines for `event`, one per accepted record. */
  lines: string[];
  /** (account, eventID, eventTime) of each line: the event table's unique key. */
  keys: string[];
}

/**
 * Gives the rows of several files their dimension ids (one round trip per dimension table for
 * all of them, and only for values not seen before) and turns them into the COPY lines ingest sends.
 */
export async function toCopyLines(
  files: { ingestFileId: string; rows: DecodedRow[] }[],
  store: DimensionStore,
): Promise<FileLines[]> {
  const refs = await store.resolve(files.flatMap((file) => file.rows.map((row) => row.event)));
  let next = 0;
  return files.map(({ ingestFileId, rows }) => {
    const fileRefs = refs.slice(next, next + rows.length);
    next += rows.length;
    return linesOf(ingestFileId, rows, fileRefs);
  });
}

export function linesOf(ingestFileId: string, rows: DecodedRow[], refs: EventRefs[]): FileLines {
  const location = { ingestFileId, rawOrdinal: 0 };
  const lines = new Array<string>(rows.length);
  const keys = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const { event, ordinal, detail } = rows[i] as DecodedRow;
    location.rawOrdinal = ordinal;
    lines[i] = toCopyLine(event, refs[i] as EventRefs, location, detail);
    keys[i] = `${event.recipientAccountId}\u0000${event.eventId}\u0000${event.eventTime.getTime()}`;
  }
  return { lines, keys };
}
