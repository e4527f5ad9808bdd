import { isUtf8 } from 'node:buffer';
import { isObject, normalizeRecord, unwrapRecord } from '../cloudtrail';
import type { NormalizedEvent } from '../cloudtrail/types';
import { detailJson } from './copy-format';
import { isDigestDocument } from './digest';
import { RecordSplitter, type SplitItem } from './record-splitter';

/** CloudTrail launched in November 2013; anything earlier, or far in the future, is corrupt. */
const EARLIEST_EVENT_TIME = Date.UTC(2013, 10, 1);
const FUTURE_TOLERANCE_MS = 2 * 24 * 3600 * 1000;
// Postgres rejects \u0000 and unpaired surrogates in jsonb; JSON.parse accepts both.
const JSONB_UNSAFE_ESCAPE = /\\u0000|\\u[dD][89a-fA-F][0-9a-fA-F]{2}/;

export const MAX_RECORD_BYTES = Number(process.env.TRAILHOUND_MAX_RECORD_BYTES) || 1024 * 1024;

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

/** What the file looked like, for its manifest `kind`. */
export interface ContentShape {
  envelopeKind: 'Records' | 'Events' | 'array' | null;
  documentsSeen: number;
}

/** An accepted record, ready for its dimension ids and COPY line. */
export interface DecodedRow {
  event: NormalizedEvent;
  /** Position of the record among the file's top-level items; raw_chunk is read back by it. */
  ordinal: number;
  detail: string | null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const RELEASED: Record<string, unknown> = Object.freeze({});

/**
 * Turns records into rows. Each bad record is rejected with a reason and counted; it never stops
 * the file. A plain class rather than a stream, so that the rows decoded before a stream error (a
 * truncated gzip, say) are still handed over and stored.
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
  private rows: DecodedRow[] = [];
  private nextOrdinal = 0;
  private readonly latestAllowed = Date.now() + FUTURE_TOLERANCE_MS;
  // The month of the last event noted: a file's events almost all fall in one, so most events
  // skip formatting a date.
  private monthStart = 0;
  private monthEnd = 0;

  constructor(private readonly sourceFile: string) {}

  /** An item from the record splitter; items are numbered in the order they arrive. */
  add(item: SplitItem): void {
    const ordinal = this.nextOrdinal++;
    if (item.type === 'oversized') {
      this.reject(`record too large (${item.size} bytes)`);
      return;
    }
    let text: string;
    try {
      text = utf8.decode(item.bytes);
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
    const topLevel = item.type === 'document';
    if (topLevel && isDigestDocument(parsed)) {
      this.stats.documents.push(parsed);
      return;
    }
    if (topLevel && !looksLikeRecord(parsed)) {
      // Some other JSON document (a policy, a config file): not CloudTrail at all, not a bad record.
      this.stats.foreignDocuments++;
      return;
    }
    this.accept(parsed, ordinal, JSONB_UNSAFE_ESCAPE.test(text));
  }

  /** The rows decoded since the last call. */
  takeRows(): DecodedRow[] {
    const rows = this.rows;
    this.rows = [];
    return rows;
  }

  /** A record parsed elsewhere (the whole-file fast path), already known to be jsonb-safe. */
  acceptParsed(parsed: unknown, ordinal: number): void {
    this.nextOrdinal = ordinal + 1;
    this.accept(parsed, ordinal, false);
  }

  private accept(parsed: unknown, ordinal: number, unsafe: boolean): void {
    // Envelopes (lookup-events, EventBridge) hold the record as a string or a nested object.
    const record = unwrapRecord(parsed);
    if (unsafe || (record !== parsed && typeof record === 'object')) {
      if (unsafe || JSONB_UNSAFE_ESCAPE.test(JSON.stringify(record))) sanitiseStrings(record);
    }
    const result = normalizeRecord(record, { sourceFile: this.sourceFile });
    if (!result.ok) {
      this.reject(result.reason);
      return;
    }
    const event = result.event;
    const time = event.eventTime.getTime();
    if (time < EARLIEST_EVENT_TIME || time > this.latestAllowed) {
      this.reject('eventTime out of range (before CloudTrail existed or in the future)');
      return;
    }
    if (time < this.monthStart || time >= this.monthEnd) this.noteMonth(event.eventTime);
    this.stats.accepted++;
    if (event.addendumReason !== null) this.stats.addenda++;
    const detail = detailJson(event.raw);
    // The record itself is kept as delivered (raw_chunk); holding every parsed record of a batch
    // until its COPY would cost several times the batch's size in memory.
    event.raw = RELEASED;
    this.rows.push({ event, ordinal, detail });
  }

  private noteMonth(eventTime: Date): void {
    const year = eventTime.getUTCFullYear();
    const month = eventTime.getUTCMonth();
    this.monthStart = Date.UTC(year, month, 1);
    this.monthEnd = Date.UTC(year, month + 1, 1);
    this.stats.months.add(eventTime.toISOString().slice(0, 7));
  }

  private reject(reason: string): void {
    this.stats.rejected++;
    this.stats.rejects[reason] = (this.stats.rejects[reason] ?? 0) + 1;
  }
}

export interface DecodedContent {
  decoder: RecordDecoder;
  shape: ContentShape;
  streamError: string | null;
}

/**
 * Decodes a whole (inflated) file held in memory. Most trail files are a few dozen records; one
 * JSON.parse of the file is about twice as fast as splitting it and parsing each record, so that
 * is tried first when no record can exceed the size limit and nothing needs sanitising. Anything
 * else (JSON Lines, damaged or hostile content) goes through the record splitter, which reports
 * each problem precisely. Both number the records the same way.
 */
export function decodeContent(content: Buffer, path: string): DecodedContent {
  const decoder = new RecordDecoder(path);
  const shape = content.length <= MAX_RECORD_BYTES ? decodeWhole(content, decoder) : null;
  if (shape) return { decoder, shape, streamError: null };
  return splitContent(content, new RecordDecoder(path));
}

function decodeWhole(content: Buffer, decoder: RecordDecoder): ContentShape | null {
  if (!isUtf8(content)) return null;
  const text = content.toString('utf8');
  // CloudTrail writes UTF-8 as is, so escapes are rare; the cheap test spares most files the regex.
  if (text.includes('\\u') && JSONB_UNSAFE_ESCAPE.test(text)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  let elements: unknown;
  let envelopeKind: ContentShape['envelopeKind'];
  if (Array.isArray(parsed)) {
    elements = parsed;
    envelopeKind = 'array';
  } else if (isObject(parsed) && Array.isArray(parsed.Records) && !('Events' in parsed)) {
    elements = parsed.Records;
    envelopeKind = 'Records';
  } else if (isObject(parsed) && Array.isArray(parsed.Events) && !('Records' in parsed)) {
    elements = parsed.Events;
    envelopeKind = 'Events';
  } else {
    return null;
  }
  const records = elements as unknown[];
  if (!records.every(isObject)) return null;
  for (let ordinal = 0; ordinal < records.length; ordinal++) decoder.acceptParsed(records[ordinal], ordinal);
  return { envelopeKind, documentsSeen: 0 };
}

function splitContent(content: Buffer, decoder: RecordDecoder): DecodedContent {
  const splitter = new RecordSplitter(MAX_RECORD_BYTES);
  const add = (item: SplitItem) => decoder.add(item);
  let streamError: string | null = null;
  try {
    splitter.write(content, add);
    splitter.end(add);
  } catch (error) {
    streamError = (error as Error).message;
  }
  return { decoder, shape: shapeOf(splitter), streamError };
}

export function shapeOf(splitter: RecordSplitter): ContentShape {
  return { envelopeKind: splitter.envelopeKind, documentsSeen: splitter.documentsSeen };
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
