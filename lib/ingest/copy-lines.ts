import { copyLine, toCopyRow } from './copy-format';
import { type DimensionStore, principalCacheKey } from './dimensions';
import type { DecodedRow } from './record-decoder';

/**
 * Turns decoded rows into COPY lines. Each row's values are written out as soon as it is added,
 * so its parsed event dies young; its dimension ids follow at once when cached, or once
 * `store.flush()` has stored the values noted for them. Holding the events themselves across
 * that round trip made V8 pretenure them (allocate every later event straight in old space),
 * which multiplied the garbage collector's work for the rest of the process.
 */
export class CopyLineBuilder {
  private lines: string[] = [];
  // Rows whose ids are not known yet: their index in `lines`, principal key and user agent.
  private waitingRows: number[] = [];
  private waitingPrincipals: string[] = [];
  private waitingAgents: (string | null)[] = [];

  constructor(
    private readonly store: DimensionStore,
    private readonly ingestFileId: string,
  ) {}

  add(rows: DecodedRow[]): void {
    const location = { ingestFileId: this.ingestFileId, rawOrdinal: 0 };
    for (const { event, ordinal, detail } of rows) {
      location.rawOrdinal = ordinal;
      const row = toCopyRow(event, location, detail);
      const key = principalCacheKey(event);
      const principalId = this.store.principalId(key, event);
      const userAgentId = this.store.userAgentId(event);
      this.store.noteAddress(event);
      if (principalId !== undefined && userAgentId !== undefined) {
        this.lines.push(copyLine(row, principalId, userAgentId));
      } else {
        this.waitingRows.push(this.lines.length);
        this.waitingPrincipals.push(key);
        this.waitingAgents.push(event.userAgent);
        this.lines.push(row);
      }
    }
  }

  /** Lines added since the last take. */
  get size(): number {
    return this.lines.length;
  }

  /** True when some line still needs an id from `store.flush()`. */
  get waiting(): boolean {
    return this.waitingRows.length > 0;
  }

  /** The lines added since the last call; when `waiting`, only after `store.flush()`. */
  take(): string[] {
    const lines = this.lines;
    for (const [index, line] of this.waitingRows.entries()) {
      lines[line] = copyLine(
        lines[line] as string,
        this.store.storedPrincipalId(this.waitingPrincipals[index] as string),
        this.store.storedUserAgentId(this.waitingAgents[index] as string | null),
      );
    }
    this.lines = [];
    this.waitingRows = [];
    this.waitingPrincipals = [];
    this.waitingAgents = [];
    return lines;
  }
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
