import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { EVENT_COLUMNS } from './copy-format';
import { ByteCounter, ContentGuard, type DecodeLimits, gunzip, isGzipped } from './decoded-stream';
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
  compressed: boolean;
  /** Non-record documents (digests) found in the file. */
  documents: unknown[];
}

export interface IngestFileContext {
  pool: pg.Pool;
  fileRowId: string;
  limits: DecodeLimits;
  onBytes?: (delta: number) => void;
  /** Runs inside the file's transaction, after the merge, so the manifest commits with the events. */
  recordOutcome: (client: pg.PoolClient, outcome: FileOutcome) => Promise<void>;
}

const STAGE_TABLE = `CREATE TEMP TABLE IF NOT EXISTS event_stage (LIKE event INCLUDING DEFAULTS) ON COMMIT DELETE ROWS`;
const COPY_STAGE = `COPY event_stage (${EVENT_COLUMNS.join(', ')}) FROM STDIN`;
const MERGE = `INSERT INTO event SELECT * FROM event_stage ON CONFLICT DO NOTHING`;

/**
 * Loads one file in one transaction: stream, inflate, split, normalise, COPY into a session
 * staging table, merge into `event` skipping known (account, eventID) pairs, and record the
 * outcome in the manifest. A process killed half-way leaves nothing behind but a file still
 * marked `running`, which the next run loads again.
 */
export async function ingestFile(file: SourceFile, context: IngestFileContext): Promise<FileOutcome> {
  const decoder = new RecordDecoder(context.fileRowId, file.path);
  const delivered = new ByteCounter(context.onBytes);
  const guard = new ContentGuard(context.limits, delivered);
  const splitter = new RecordSplitter(MAX_RECORD_BYTES);
  const client = await context.pool.connect();
  let streamError: string | null = null;
  let compressed = false;
  try {
    // Outside the transaction: LIKE holds a lock on `event` until commit, which would block the
    // partition creation below forever.
    await client.query(STAGE_TABLE);
    await client.query('BEGIN');
    const copy = client.query(copyFrom(COPY_STAGE));
    const copyDone = new Promise<void>((resolve, reject) => {
      copy.on('finish', resolve);
      copy.on('error', reject);
    });

    try {
      const raw = await file.open();
      compressed = await isGzipped(raw);
      const add = (item: SplitItem) => decoder.add(item);
      const toCopy = async (chunks: AsyncIterable<Buffer>) => {
        for await (const chunk of chunks) {
          splitter.write(chunk, add);
          const text = decoder.take();
          if (text !== null && !copy.write(text)) await waitForDrain(copy);
        }
        splitter.end(add);
      };
      if (compressed) await pipeline(raw, delivered, gunzip(), guard, toCopy);
      else await pipeline(raw, delivered, guard, toCopy);
    } catch (error) {
      streamError = describeStreamError(error);
    }
    const rest = decoder.take(true);
    if (rest !== null) copy.write(rest);
    copy.end();
    await copyDone;

    if (decoder.stats.months.size) await ensurePartitions(context.pool, decoder.stats.months);
    const merged = decoder.stats.accepted ? await client.query(MERGE) : { rowCount: 0 };
    const inserted = merged.rowCount ?? 0;
    const outcome = buildOutcome(decoder.stats, splitter, inserted, streamError, guard.sha256(), compressed);
    await context.recordOutcome(client, outcome);
    await client.query('COMMIT');
    return outcome;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

function buildOutcome(
  stats: DecodeStats,
  splitter: RecordSplitter,
  inserted: number,
  streamError: string | null,
  contentSha256: string,
  compressed: boolean,
): FileOutcome {
  const kind = classify(stats, splitter);
  let error = streamError;
  if (!error && kind === 'empty')
    error = 'no CloudTrail records found (not a trail file, export, JSON array or JSON Lines)';
  if (!error && stats.accepted === 0 && stats.rejected > 0) error = 'every record in the file was rejected';
  return {
    status: error ? 'failed' : 'done',
    kind,
    inserted,
    duplicate: stats.accepted - inserted,
    rejected: stats.rejected,
    rejects: stats.rejects,
    error,
    contentSha256,
    compressed,
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
    return `corrupt or truncated gzip (${err.message}); records before the damage were kept`;
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
