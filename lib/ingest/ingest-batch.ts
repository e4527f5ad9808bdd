import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip as gunzipCallback, gunzipSync } from 'node:zlib';
import type pg from 'pg';
import { type FileLines, toCopyLines } from './copy-lines';
import type { DecodeLimits } from './decoded-stream';
import { hasGzipMagic } from './decoded-stream';
import { dimensionStoreFor } from './dimensions';
import {
  type BatchEntry,
  buildOutcome,
  COPY_EVENTS,
  COPY_STAGE,
  ensurePartitions,
  type FileOutcome,
  type LoadedFile,
  mergeStaged,
  openCopy,
  STAGE_TABLE,
} from './event-load';
import { ingestLargeFile } from './ingest-large-file';
import { insertRawChunks, type RawChunk, wholeFileChunk } from './raw-chunks';
import { type DecodedRow, decodeContent } from './record-decoder';

const gunzip = promisify(gunzipCallback);

export interface IngestBatchContext {
  pool: pg.Pool;
  limits: DecodeLimits;
  onBytes?: (delta: number) => void;
  /** Runs inside the batch's transaction, so the manifest commits with the events. */
  recordOutcomes: (client: pg.PoolClient, outcomes: FileOutcome[]) => Promise<void>;
  /**
   * Shared by the batches of one job: set when a batch met events already stored, so the next
   * batch goes straight to the merge instead of failing a direct COPY first.
   */
  loadMode: { expectDuplicates: boolean };
}

// Beyond this a file inflates on the streaming path, in bounded memory and under the bomb guard.
const MAX_INFLATE_IN_MEMORY = 64 * 1024 * 1024;
const ASYNC_INFLATE_BYTES = 256 * 1024;

interface DecodedRows extends LoadedFile {
  rows: DecodedRow[];
  delivered: Buffer;
}

/** `keys` serve to spot the same event twice in one batch. */
type DecodedFile = Omit<DecodedRows, 'rows'> & FileLines;

/**
 * Loads a batch of small files in one transaction. Trails are mostly small files (one per region
 * every five minutes), so per-file transactions would spend more time on round trips than data.
 *
 * The rows are built first, in memory, then sent by one COPY straight into `event`: the
 * database's own bulk path, which also maintains the indexes in bulk. When some event is already
 * stored (two trails delivering the same events, a re-delivery with an addendum) that COPY fails
 * on the unique key and the batch is sent again through a staging table and
 * `INSERT … ON CONFLICT DO NOTHING`, which skips them; that is about a third slower, so it is kept
 * for the batches that need it. A process killed half-way leaves nothing behind but files still
 * marked `running`, which the next run loads again. Files that turn out too big to inflate in
 * memory, or damaged, are loaded afterwards by the streaming path, each on its own.
 */
export async function ingestBatch(
  entries: BatchEntry[],
  context: IngestBatchContext,
): Promise<FileOutcome[]> {
  const streamed = entries.filter((entry) => !entry.bytes);
  const inMemory = entries.filter((entry) => entry.bytes);
  const decoded = await decodeFiles(inMemory, context);
  const needStreaming = inMemory.filter((_, index) => decoded[index] === null);
  const files = decoded.filter((file): file is DecodedFile => file !== null);
  const outcomes = new Map<string, FileOutcome>();
  if (files.length)
    for (const outcome of await loadDecoded(files, context)) outcomes.set(outcome.fileRowId, outcome);
  for (const entry of [...needStreaming, ...streamed]) {
    outcomes.set(entry.fileRowId, await ingestLargeFile(entry, context));
  }
  return entries.map((entry) => outcomes.get(entry.fileRowId) as FileOutcome);
}

/** Null when the gzip is damaged or inflates too far. */
async function inflateInMemory(bytes: Buffer, limits: DecodeLimits): Promise<Buffer | null> {
  const options = { maxOutputLength: Math.min(limits.maxDecompressedBytes, MAX_INFLATE_IN_MEMORY) };
  try {
    // A thread-pool round trip costs more than inflating a typical trail file of a few kilobytes.
    return bytes.length < ASYNC_INFLATE_BYTES ? gunzipSync(bytes, options) : await gunzip(bytes, options);
  } catch {
    return null;
  }
}

async function decodeFiles(
  entries: BatchEntry[],
  context: IngestBatchContext,
): Promise<(DecodedFile | null)[]> {
  const slots: (DecodedRows | null)[] = [];
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index] as BatchEntry;
    const bytes = entry.bytes as Buffer;
    const content = hasGzipMagic(bytes) ? await inflateInMemory(bytes, context.limits) : bytes;
    if (!content) {
      // Damaged or inflating too far: the streaming path salvages the records before the damage,
      // which a one-shot inflate cannot, or stops the bomb with a clear message.
      slots.push(null);
      continue;
    }
    context.onBytes?.((entry.bytes as Buffer).length);
    const { decoder, shape, streamError } = decodeContent(content, entry.file.path);
    slots.push({
      fileRowId: entry.fileRowId,
      stats: decoder.stats,
      shape,
      streamError,
      contentSha256: createHash('sha256').update(content).digest('hex'),
      delivered: entry.bytes as Buffer,
      rows: decoder.takeRows(),
    });
  }
  const decoded = slots.filter((slot): slot is DecodedRows => slot !== null);
  const lines = await toCopyLines(
    decoded.map((file) => ({ ingestFileId: file.fileRowId, rows: file.rows })),
    dimensionStoreFor(context.pool),
  );
  const byFile = new Map(decoded.map((file, index) => [file, lines[index] as FileLines]));
  return slots.map((slot) => {
    if (slot === null) return null;
    const { rows: _rows, ...file } = slot;
    return { ...file, ...(byFile.get(slot) as FileLines) };
  });
}

async function loadDecoded(files: DecodedFile[], context: IngestBatchContext): Promise<FileOutcome[]> {
  const months = new Set(files.flatMap((file) => [...file.stats.months]));
  await ensurePartitions(context.pool, months);
  const { unique, repeats } = dropRepeats(files);
  const hasAddenda = files.some((file) => file.stats.addenda > 0);
  if (!context.loadMode.expectDuplicates && !hasAddenda) {
    try {
      return await load(files, context, 'direct', unique);
    } catch (error) {
      if ((error as { code?: string }).code !== '23505') throw error;
    }
  }
  const outcomes = await load(files, context, 'merge', unique);
  const merged = outcomes.reduce((sum, outcome) => sum + outcome.duplicate, 0) - repeats;
  context.loadMode.expectDuplicates = merged > 0;
  return outcomes;
}

/** The same event twice in one batch (one file delivered under two names, say) is sent once. */
function dropRepeats(files: DecodedFile[]): { unique: Map<string, string[]>; repeats: number } {
  const seen = new Set<string>();
  const unique = new Map<string, string[]>();
  let repeats = 0;
  for (const file of files) {
    const lines: string[] = [];
    for (let i = 0; i < file.keys.length; i++) {
      const key = file.keys[i] as string;
      if (seen.has(key)) {
        repeats++;
        continue;
      }
      seen.add(key);
      lines.push(file.lines[i] as string);
    }
    unique.set(file.fileRowId, lines);
  }
  return { unique, repeats };
}

async function load(
  files: DecodedFile[],
  context: IngestBatchContext,
  mode: 'direct' | 'merge',
  lines: Map<string, string[]>,
): Promise<FileOutcome[]> {
  const client = await context.pool.connect();
  try {
    // Outside the transaction: LIKE holds a lock on `event` until commit, which would block
    // partition creation by other loaders.
    if (mode === 'merge') await client.query(STAGE_TABLE);
    await client.query('BEGIN');
    const copy = openCopy(client, mode === 'direct' ? COPY_EVENTS : COPY_STAGE);
    for (const file of files) {
      const text = (lines.get(file.fileRowId) as string[]).join('');
      if (text) await copy.write(text);
    }
    await copy.end();
    let inserted: Map<string, number>;
    let updated = new Map<string, number>();
    if (mode === 'direct') {
      inserted = new Map(
        files.map((file) => [file.fileRowId, (lines.get(file.fileRowId) as string[]).length]),
      );
    } else {
      ({ inserted, updated } = await mergeStaged(
        client,
        files.some((file) => file.stats.addenda > 0),
      ));
    }
    const chunks: RawChunk[] = [];
    for (const file of files) {
      const used = (inserted.get(file.fileRowId) ?? 0) + (updated.get(file.fileRowId) ?? 0);
      if (used > 0) chunks.push(await wholeFileChunk(file.fileRowId, file.delivered));
    }
    await insertRawChunks(client, chunks);
    const outcomes = files.map((file) => buildOutcome(file, inserted.get(file.fileRowId) ?? 0));
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
