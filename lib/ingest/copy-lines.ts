import { toCopyRow } from './copy-format';
import { type DimensionStore, principalCacheKey } from './dimensions';
import type { DecodedRow } from './record-decoder';

// A bigint's widest text: where an id is not known yet, this many blanks are written and the id
// later over them. COPY reads an integer with blanks around it as the integer.
const ID_WIDTH = 20;
const TAB = 0x09;
const NEWLINE = 0x0a;
const SPACE = 0x20;
const NULL_FIELD = '\\N';
const EMPTY = Buffer.alloc(0);

/**
 * Writes decoded rows as UTF-8 COPY text into a buffer of its own (not a slice of Node's shared
 * pool), so a batch's text is one allocation and one transfer back from a worker.
 *
 * Each row is written as soon as it is added, so its parsed event dies young. A row whose
 * principal or user agent is not cached yet gets a blank field for that id, filled in by `take`
 * once `store.flush()` has stored the values noted for it: only the blanks' offsets wait, by key,
 * never the events or their text. (Holding a file's events across that round trip made V8
 * pretenure them, allocating every later event straight in old space; holding their text made
 * each young collection copy it.)
 */
export class CopyTextWriter {
  // Allocated when first written to, so a take leaves nothing allocated behind it.
  private buffer = EMPTY;
  private length = 0;
  private readonly blankPrincipals = new Map<string, number[]>();
  private readonly blankAgents = new Map<string, number[]>();

  constructor(
    private readonly store: DimensionStore,
    private readonly sizeHint: number,
  ) {}

  /** Bytes written since the last take. */
  get size(): number {
    return this.length;
  }

  add(ingestFileId: string, rows: DecodedRow[]): void {
    const location = { ingestFileId, rawOrdinal: 0 };
    for (const { event, ordinal, detail } of rows) {
      location.rawOrdinal = ordinal;
      const key = principalCacheKey(event);
      const principalId = this.store.principalId(key, event);
      const userAgentId = this.store.userAgentId(event);
      this.store.noteAddress(event);
      const row = toCopyRow(event, location, detail);
      // A UTF-16 code unit is at most three UTF-8 bytes: room for that spares measuring the row.
      this.reserve(3 * row.length + 2 * ID_WIDTH + 3);
      this.length += this.buffer.write(row, this.length);
      this.buffer[this.length++] = TAB;
      this.writeId(principalId, key, this.blankPrincipals);
      this.buffer[this.length++] = TAB;
      if (userAgentId === null) this.length += this.buffer.write(NULL_FIELD, this.length, 'latin1');
      else this.writeId(userAgentId, event.userAgent as string, this.blankAgents);
      this.buffer[this.length++] = NEWLINE;
    }
  }

  /**
   * The text written since the last take, once `store.flush()` has stored every value its rows
   * noted (new addresses included) and the ids are written over the blanks. Later writes go to a
   * new buffer.
   */
  async take(): Promise<Buffer> {
    await this.store.flush();
    this.fillBlanks();
    // A buffer of its own even when empty: a worker transfers it, which would detach EMPTY.
    const text = this.length ? this.buffer.subarray(0, this.length) : Buffer.allocUnsafeSlow(0);
    this.buffer = EMPTY;
    this.length = 0;
    return text;
  }

  private fillBlanks(): void {
    for (const [key, offsets] of this.blankPrincipals) {
      const id = this.store.storedPrincipalId(key);
      for (const offset of offsets) this.buffer.write(id, offset, 'latin1');
    }
    for (const [value, offsets] of this.blankAgents) {
      const id = this.store.storedUserAgentId(value);
      for (const offset of offsets) this.buffer.write(id, offset, 'latin1');
    }
    this.blankPrincipals.clear();
    this.blankAgents.clear();
  }

  private writeId(id: string | undefined, key: string, blanks: Map<string, number[]>): void {
    if (id !== undefined) {
      this.length += this.buffer.write(id, this.length, 'latin1');
      return;
    }
    const offsets = blanks.get(key);
    if (offsets) offsets.push(this.length);
    else blanks.set(key, [this.length]);
    this.buffer.fill(SPACE, this.length, this.length + ID_WIDTH);
    this.length += ID_WIDTH;
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const next = Buffer.allocUnsafeSlow(
      Math.max(this.length + bytes, this.buffer.length * 2, clampSize(this.sizeHint)),
    );
    this.buffer.copy(next, 0, 0, this.length);
    this.buffer = next;
  }
}

function clampSize(bytes: number): number {
  return Math.min(Math.max(bytes, 64 * 1024), 64 * 1024 * 1024);
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
