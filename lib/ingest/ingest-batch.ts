import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { gunzipSync } from 'node:zlib';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { EVENT_COLUMNS } from './copy-format';
import {
  ByteCounter,
  ContentGuard,
  type DecodeLimits,
  gunzip,
  hasGzipMagic,
  isGzipped,
} from './decoded-stream';
import { type DecodeStats, RecordDecoder } from './record-decoder';
import { RecordSplitter, type SplitItem } from './record-splitter';
import type { SourceFile } from './sources/types';

export const MAX_RECORD_BYTES = Number(process.env.TRAILHOUND_MAX_RECORD_BYTES) || 1024 * 1024;

export type FileKind =
  | 'trail'
  | 'lookup-events'
  | 'json-array'
  | 'json-lines'
  | 'digest'
  | 'record'
  | 'empty';

export interface FileOutcome {
  fileRowId: string;
  status: 'done' | 'failed';
  kind: FileKind;
  inserted: number;
  duplicate: number;
  rejected: number;
  rejects: Record<string, number>;
  /** The first problem with the file itself (its records' problems are in `rejects`). */
  error: string | null;
  /** SHA-256 of the uncompressed content, which is what CloudTrail digests list. */
  contentSha256: string;
  /** Non-record documents (digests) found in the file. */
  documents: unknown[];
}

export interface BatchEntry {
  file: SourceFile;
  fileRowId: string;
  /** The whole file, already read, for small files; large files stream from `file.open()`. */
  bytes?: Buffer;
}

export interface IngestBatchContext {
  pool: pg.Pool;
  limits: DecodeLimits;
  onBytes?: (delta: number) => void;
  /** Runs inside the batch's transaction, after the merge, so the manifest commits with the events. */
  recordOutcomes: (client: pg.PoolClient, outcomes: FileOutcome[]) => Promise<void>;
}

const STAGE_TABLE = `CREATE TEMP TABLE IF NOT EXISTS event_stage (LIKE event INCLUDING DEFAULTS) ON COMMIT DELETE ROWS`;
const COPY_STAGE = `COPY event_stage (${EVENT_COLUMNS.join(', ')}) FROM STDIN`;
// RETURNING attributes each new row to its file, so per-file counts survive batching.
const MERGE = `
  WITH inserted AS (INSERT INTO event SELECT * FROM event_stage ON CONFLICT DO NOTHING RETURNING ingest_file_id)
  SELECT ingest_file_id::text AS file_id, count(*)::int AS n FROM inserted GROUP BY 1`;

const KEY_COLUMNS = new Set(['account_id', 'event_id', 'event_time']);
// CloudTrail re-delivers an event with an `addendum` when it was late or its fields changed
// (UPDATED_DATA): the stored copy is replaced, not kept beside it.
const APPLY_ADDENDA = `
  UPDATE event e SET ${EVENT_COLUMNS.filter((column) => !KEY_COLUMNS.has(column))
    .map((column) => `${column} = s.${column}`)
    .join(', ')}
  FROM event_stage s
  WHERE s.raw ? 'addendum' AND e.account_id = s.account_id AND e.event_id = s.event_id
    AND e.event_time = s.event_time AND e.raw IS DISTINCT FROM s.raw`;

/**
 * Loads a batch of files in one transaction: each file is streamed, inflated, split and
 * normalised into one COPY to a session staging table, then merged into `event` skipping known
 * (account, eventID) pairs, and the manifest rows are updated before commit. Trails are mostly
 * small files (one per region every five minutes), so per-file transactions would spend more
 * time on round trips than on data. A process killed half-way leaves nothing behind but files
 * still marked `running`, which the next run loads again.
 */
export async function ingestBatch(
  entries: BatchEntry[],
  context: IngestBatchContext,
): Promise<FileOutcome[]> {
  const client = await context.pool.connect();
  try {
    // Outside the transaction: LIKE holds a lock on `event` until commit, which would block
    // partition creation by other loaders.
    await client.query(STAGE_TABLE);
    await client.query('BEGIN');
    const copy = client.query(copyFrom(COPY_STAGE));
    const copyDone = new Promise<void>((resolve, reject) => {
      copy.on('finish', resolve);
      copy.on('error', reject);
    });
    const loaded: LoadedFile[] = [];
    for (const entry of entries) loaded.push(await streamFile(entry, copy, context));
    copy.end();
    await copyDone;

    const months = new Set(loaded.flatMap((file) => [...file.stats.months]));
    if (months.size) await ensurePartitions(context.pool, months);
    const anyAccepted = loaded.some((file) => file.stats.accepted > 0);
    const merged = anyAccepted ? await client.query<{ file_id: string; n: number }>(MERGE) : { rows: [] };
    if (loaded.some((file) => file.stats.addenda > 0)) await client.query(APPLY_ADDENDA);
    const insertedByFile = new Map(merged.rows.map((row) => [row.file_id, row.n]));
    const outcomes = loaded.map((file) => buildOutcome(file, insertedByFile.get(file.fileRowId) ?? 0));
    await context.recordOutcomes(client, outcomes);
    await client.query('COMMIT');
    return outcomes;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

interface LoadedFile {
  fileRowId: string;
  stats: DecodeStats;
  splitter: RecordSplitter;
  streamError: string | null;
  contentSha256: string;
}

/** Loads one file into the open COPY; a broken file stops itself, never the batch. */
async function streamFile(
  entry: BatchEntry,
  copy: NodeJS.WritableStream,
  context: IngestBatchContext,
): Promise<LoadedFile> {
  if (entry.bytes) {
    const loaded = await loadFromMemory(entry, entry.bytes, copy, context);
    if (loaded) return loaded;
  }
  return loadFromStream(entry, copy, context);
}

// Beyond this a file inflates on the streaming path, in bounded memory and under the bomb guard.
const MAX_INFLATE_IN_MEMORY = 64 * 1024 * 1024;

/**
 * The fast path for a file held in memory. Returns null when the gzip is damaged or inflates too
 * far: the streaming path then salvages the records before the damage (which a one-shot inflate
 * cannot) or stops the bomb with a clear message.
 */
async function loadFromMemory(
  entry: BatchEntry,
  bytes: Buffer,
  copy: NodeJS.WritableStream,
  context: IngestBatchContext,
): Promise<LoadedFile | null> {
  let content = bytes;
  if (hasGzipMagic(bytes)) {
    try {
      content = gunzipSync(bytes, {
        maxOutputLength: Math.min(context.limits.maxDecompressedBytes, MAX_INFLATE_IN_MEMORY),
      });
    } catch {
      return null;
    }
  }
  context.onBytes?.(bytes.length);
  const { decoder, splitter, streamError } = decodeContent(content, entry.fileRowId, entry.file.path);
  const text = decoder.take(true);
  if (text !== null && !copy.write(text)) await waitForDrain(copy);
  const contentSha256 = createHash('sha256').update(content).digest('hex');
  return { fileRowId: entry.fileRowId, stats: decoder.stats, splitter, streamError, contentSha256 };
}

/** Splits and decodes a whole (inflated) file; the rows wait in `decoder` for `take(true)`. */
export function decodeContent(content: Buffer, fileRowId: string, path: string) {
  const decoder = new RecordDecoder(fileRowId, path);
  const splitter = new RecordSplitter(MAX_RECORD_BYTES);
  const add = (item: SplitItem) => decoder.add(item);
  let streamError: string | null = null;
  try {
    splitter.write(content, add);
    splitter.end(add);
  } catch (error) {
    streamError = describeStreamError(error);
  }
  return { decoder, splitter, streamError };
}

async function loadFromStream(
  entry: BatchEntry,
  copy: NodeJS.WritableStream,
  context: IngestBatchContext,
): Promise<LoadedFile> {
  const decoder = new RecordDecoder(entry.fileRowId, entry.file.path);
  const delivered = new ByteCounter(context.onBytes);
  const guard = new ContentGuard(context.limits, delivered);
  const splitter = new RecordSplitter(MAX_RECORD_BYTES);
  let streamError: string | null = null;
  // What the last stage threw. On Node 20, when it throws below an fs.ReadStream and a transform,
  // pipeline() rejects with a bare AbortError ("The operation was aborted") instead of the reason.
  let stageError: unknown = null;
  try {
    const raw = entry.bytes ? Readable.from([entry.bytes]) : await entry.file.open();
    const compressed = await isGzipped(raw);
    const add = (item: SplitItem) => decoder.add(item);
    const toCopy = async (chunks: AsyncIterable<Buffer>) => {
      try {
        for await (const chunk of chunks) {
          splitter.write(chunk, add);
          const text = decoder.take();
          if (text !== null && !copy.write(text)) await waitForDrain(copy);
        }
        splitter.end(add);
      } catch (error) {
        stageError = error;
        throw error;
      }
    };
    if (compressed) await pipeline(raw, delivered, gunzip(), guard, toCopy);
    else await pipeline(raw, delivered, guard, toCopy);
  } catch (error) {
    streamError = describeStreamError((error as Error).name === 'AbortError' ? (stageError ?? error) : error);
  }
  // Records decoded before a failure are still stored: the damage is reported, not spread.
  const rest = decoder.take(true);
  if (rest !== null && !copy.write(rest)) await waitForDrain(copy);
  return {
    fileRowId: entry.fileRowId,
    stats: decoder.stats,
    splitter,
    streamError,
    contentSha256: guard.sha256(),
  };
}

function buildOutcome(file: LoadedFile, inserted: number): FileOutcome {
  const { stats } = file;
  const kind = classify(stats, file.splitter);
  let error = file.streamError;
  if (!error && (kind === 'empty' || (stats.accepted + stats.rejected === 0 && stats.foreignDocuments > 0))) {
    error = 'no CloudTrail records found (not a trail file, export, JSON array or JSON Lines)';
  }
  if (!error && stats.accepted === 0 && stats.rejected > 0) error = 'every record in the file was rejected';
  if (error && file.streamError && stats.accepted > 0) {
    error = `${error}; the ${stats.accepted} complete records before the problem were kept`;
  }
  return {
    fileRowId: file.fileRowId,
    status: error ? 'failed' : 'done',
    kind,
    inserted,
    duplicate: stats.accepted - inserted,
    rejected: stats.rejected,
    rejects: stats.rejects,
    error,
    contentSha256: file.contentSha256,
    documents: stats.documents,
  };
}

function classify(stats: DecodeStats, splitter: RecordSplitter): FileKind {
  if (splitter.envelopeKind === 'Records') return 'trail';
  if (splitter.envelopeKind === 'Events') return 'lookup-events';
  if (splitter.envelopeKind === 'array') return 'json-array';
  if (stats.documents.length && stats.accepted === 0 && stats.rejected === 0) return 'digest';
  if (splitter.documentsSeen > 1) return 'json-lines';
  if (splitter.documentsSeen === 1 && (stats.accepted || stats.rejected)) return 'record';
  return 'empty';
}

function describeStreamError(error: unknown): string {
  const err = error as NodeJS.ErrnoException;
  if (err.code === 'Z_DATA_ERROR' || err.code === 'Z_BUF_ERROR' || err.message === 'unexpected end of file') {
    return `corrupt or truncated gzip (${err.message})`;
  }
  return err.message;
}

function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => stream.once('drain', resolve));
}

const knownPartitions = new WeakMap<pg.Pool, Set<string>>();

/** Partition DDL runs on its own connection: inside the load it would block every other loader. */
async function ensurePartitions(pool: pg.Pool, months: Set<string>): Promise<void> {
  let known = knownPartitions.get(pool);
  if (!known) {
    known = new Set();
    knownPartitions.set(pool, known);
  }
  for (const month of months) {
    if (known.has(month)) continue;
    const start = `${month}-01T00:00:00Z`;
    await pool.query('SELECT ensure_event_partitions($1::timestamptz, $1::timestamptz)', [start]);
    known.add(month);
  }
}
