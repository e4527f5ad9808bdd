import { type EventRefs, toCopyLine } from './copy-format';
import type { DimensionStore } from './dimensions';
import type { DecodedRow } from './record-decoder';

/**
 * Gives the rows of several files their dimension ids (one round trip per dimension table for
 * all of them, and only for values not seen before) and turns them into the COPY lines ingest
 * sends, one per accepted record.
 */
export async function toCopyLines(
  files: { ingestFileId: string; rows: DecodedRow[] }[],
  store: DimensionStore,
): Promise<string[][]> {
  const refs = await store.resolve(files.flatMap((file) => file.rows.map((row) => row.event)));
  let next = 0;
  return files.map(({ ingestFileId, rows }) => {
    const fileRefs = refs.slice(next, next + rows.length);
    next += rows.length;
    return linesOf(ingestFileId, rows, fileRefs);
  });
}

export function linesOf(ingestFileId: string, rows: DecodedRow[], refs: EventRefs[]): string[] {
  const location = { ingestFileId, rawOrdinal: 0 };
  const lines = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const { event, ordinal, detail } = rows[i] as DecodedRow;
    location.rawOrdinal = ordinal;
    lines[i] = toCopyLine(event, refs[i] as EventRefs, location, detail);
  }
  return lines;
}

/**
 * Tells which rows repeat an event already met among the rows given before: the same file
 * delivered under two names, or two trails delivering the same events. Keyed by eventID first,
 * whose string exists already, so the usual row (an ID not seen before) builds no key at all;
 * only IDs met twice compare the rest of the event table's unique key (account, eventTime).
 */
export class RepeatedEvents {
  private readonly slotById = new Map<string, number>();
  private readonly accounts: string[] = [];
  private readonly times: number[] = [];
  private readonly fullKeys = new Set<string>();

  /** Indexes of the rows that repeat an earlier row (usually none). */
  among(rows: DecodedRow[]): number[] {
    const repeated: number[] = [];
    for (let i = 0; i < rows.length; i++) {
      const { eventId, recipientAccountId, eventTime } = (rows[i] as DecodedRow).event;
      const time = eventTime.getTime();
      const slot = this.slotById.get(eventId);
      if (slot === undefined) {
        this.slotById.set(eventId, this.accounts.length);
        this.accounts.push(recipientAccountId);
        this.times.push(time);
        continue;
      }
      if (this.accounts[slot] === recipientAccountId && this.times[slot] === time) {
        repeated.push(i);
        continue;
      }
      // One eventID under two accounts or times: rare enough for whole keys.
      this.fullKeys.add(uniqueKey(this.accounts[slot] as string, eventId, this.times[slot] as number));
      const key = uniqueKey(recipientAccountId, eventId, time);
      if (this.fullKeys.has(key)) repeated.push(i);
      else this.fullKeys.add(key);
    }
    return repeated;
  }
}

const uniqueKey = (account: string, eventId: string, time: number) =>
  `${account}\u0000${eventId}\u0000${time}`;
