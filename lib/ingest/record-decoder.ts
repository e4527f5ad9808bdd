import { normalizeRecord, unwrapRecord } from '../cloudtrail';
import { toCopyLine } from './copy-format';
import { isDigestDocument } from './digest';
import type { SplitItem } from './record-splitter';

/** CloudTrail launched in November 2013; anything earlier, or far in the future, is corrupt. */
const EARLIEST_EVENT_TIME = Date.UTC(2013, 10, 1);
const FUTURE_TOLERANCE_MS = 2 * 24 * 3600 * 1000;
// Postgres rejects \u0000 and unpaired surrogates in jsonb; JSON.parse accepts both.
const JSONB_UNSAFE_ESCAPE = /\\u0000|\\u[dD][89a-fA-F][0-9a-fA-F]{2}/;
const BATCH_BYTES = 256 * 1024;

export interface DecodeStats {
  accepted: number;
  rejected: number;
  /** Rejection reason -> count; every rejected record is counted under exactly one reason. */
  rejects: Record<string, number>;
  /** First day of each UTC month the accepted events fall in, for partition creation. */
  months: Set<string>;
  /** Top-level documents that were not records (digest files and the like). */
  documents: unknown[];
  foreignDocuments: number;
  /** Accepted records that carry an addendum (late or updated re-deliveries). */
  addenda: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Turns split records into COPY text for event_stage. Each bad record is rejected with a reason
 * and counted; it never stops the file. A plain class rather than a stream, so that the rows
 * decoded before a stream error (a truncated gzip, say) are still handed over and stored.
 */
export class RecordDecoder {
  readonly stats: DecodeStats = {
    accepted: 0,
    rejected: 0,
    rejects: {},
    months: new Set(),
    documents: [],
    foreignDocuments: 0,
    addenda: 0,
  };
  private batch: string[] = [];
  private batchBytes = 0;
  private readonly latestAllowed = Date.now() + FUTURE_TOLERANCE_MS;

  constructor(
    private readonly ingestFileId: string,
    private readonly sourceFile: string,
  ) {}

  add(item: SplitItem): void {
    if (item.type === 'oversized') {
      this.reject(`record too large (${item.size} bytes)`);
    } else {
      this.decode(item.bytes, item.type === 'document');
    }
  }

  /** COPY text ready to send once enough has accumulated, or everything left with `all`. */
  take(all = false): string | null {
    if (!this.batch.length || (!all && this.batchBytes < BATCH_BYTES)) return null;
    const text = this.batch.join('');
    this.batch = [];
    this.batchBytes = 0;
    return text;
  }

  private decode(bytes: Buffer, topLevel: boolean): void {
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      this.reject('invalid UTF-8');
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      this.reject(`invalid JSON (${(error as Error).message.split('\n')[0]})`);
      return;
    }
    if (topLevel && isDigestDocument(parsed)) {
      this.stats.documents.push(parsed);
      return;
    }
    if (topLevel && !looksLikeRecord(parsed)) {
      // Some other JSON document (a policy, a config file): not CloudTrail at all, not a bad record.
      this.stats.foreignDocuments++;
      return;
    }
    const record = unwrapRecord(parsed);
    // Envelopes (lookup-events, EventBridge) hold the record as a string or a nested object.
    if (record !== parsed) text = JSON.stringify(record);
    if (JSONB_UNSAFE_ESCAPE.test(text)) {
      sanitiseStrings(record);
      text = JSON.stringify(record);
    }
    const result = normalizeRecord(record, { sourceFile: this.sourceFile });
    if (!result.ok) {
      this.reject(result.reason);
      return;
    }
    const time = result.event.eventTime.getTime();
    if (time < EARLIEST_EVENT_TIME || time > this.latestAllowed) {
      this.reject('eventTime out of range (before CloudTrail existed or in the future)');
      return;
    }
    this.stats.months.add(result.event.eventTime.toISOString().slice(0, 7));
    const line = toCopyLine(result.event, text, this.ingestFileId);
    this.batch.push(line);
    this.batchBytes += line.length;
    this.stats.accepted++;
    if (result.event.addendumReason !== null) this.stats.addenda++;
  }

  private reject(reason: string): void {
    this.stats.rejected++;
    this.stats.rejects[reason] = (this.stats.rejects[reason] ?? 0) + 1;
  }
}

const RECORD_KEYS = [
  'eventID',
  'eventTime',
  'eventName',
  'eventSource',
  'userIdentity',
  'CloudTrailEvent',
  'detail',
];

function looksLikeRecord(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return RECORD_KEYS.some((key) => key in value);
}

function sanitiseStrings(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\0/g, '\uFFFD').toWellFormed();
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = sanitiseStrings(value[i]);
  } else if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) object[key] = sanitiseStrings(object[key]);
  }
  return value;
}
