import type pg from 'pg';
import { inTransaction } from '../db/transaction';
import type { DecodedFile } from './decode-batch';
import type { DecodeLimits } from './decoded-stream';
import type { DecoderPool } from './decoder-pool';
import {
  type BatchEntry,
  buildOutcome,
  COPY_EVENTS,
  COPY_STAGE,
  ensurePartitions,
  type FileOutcome,
  mergeStaged,
  openCopy,
  STAGE_TABLE,
} from './event-load';
import { ingestLargeFile } from './ingest-large-file';
import { insertRawChunks, type RawChunk, wholeFileChunk } from './raw-chunks';

export interface IngestBatchContext {
  pool: pg.Pool;
  limits: DecodeLimits;
  onBytes?: (delta: number) => void;
  /** Runs inside the batch's transaction, so the manifest commits with the events. */
  recordOutcomes: (client: pg.PoolClient, outcomes: FileOutcome[]) => Promise<void>;
  /** Decodes small files into COPY text, on worker threads where it can. */
  decoder: DecoderPool;
  /**
   * Shared by the batches of one job: set when a batch met events already stored, so the next
   * batch goes straight to the merge instead of failing a direct COPY first.
   */
  loadMode: { expectDuplicates: boolean };
}

/** A decoded file with the bytes it was delivered as, kept for drill-down. */
type LoadableFile = DecodedFile & { delivered: Buffer };

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
  const decoded = await context.decoder.decode(
    inMemory.map((entry) => ({
      fileRowId: entry.fileRowId,
      path: entry.file.path,
      bytes: entry.bytes as Buffer,
    })),
    context.limits,
  );
  const needStreaming = inMemory.filter((_, index) => decoded[index] === null);
  const files = decoded.flatMap((file, index) => {
    if (!file) return [];
    const delivered = (inMemory[index] as BatchEntry).bytes as Buffer;
    context.onBytes?.(delivered.length);
    return [{ ...file, delivered }];
  });
  const outcomes = new Map<string, FileOutcome>();
  if (files.length)
    for (const outcome of await loadDecoded(files, context)) outcomes.set(outcome.fileRowId, outcome);
  for (const entry of [...needStreaming, ...streamed]) {
    outcomes.set(entry.fileRowId, await ingestLargeFile(entry, context));
  }
  return entries.map((entry) => outcomes.get(entry.fileRowId) as FileOutcome);
}

async function loadDecoded(files: LoadableFile[], context: IngestBatchContext): Promise<FileOutcome[]> {
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
  // With addenda every copy goes to the merge, which keeps the first and applies the addendum
  // whichever of the two came first; dropping repeats could have dropped the addendum itself.
  const sent = hasAddenda ? new Map(files.map((file) => [file.fileRowId, file.copy])) : unique;
  const outcomes = await load(files, context, 'merge', sent);
  const merged = outcomes.reduce((sum, outcome) => sum + outcome.duplicate, 0) - repeats;
  context.loadMode.expectDuplicates = merged > 0;
  return outcomes;
}

/**
 * The same event twice in one batch (one file delivered under two names, say) is sent once: the
 * decoder marked the lines that repeat an earlier one.
 */
function dropRepeats(files: LoadableFile[]): { unique: Map<string, Buffer>; repeats: number } {
  const unique = new Map<string, Buffer>();
  let repeats = 0;
  for (const file of files) {
    if (file.repeatedLines.length === 0) {
      unique.set(file.fileRowId, file.copy);
      continue;
    }
    repeats += file.repeatedLines.length;
    // Rare: only then is the file's text cut into lines.
    const repeated = new Set(file.repeatedLines);
    const kept: Buffer[] = [];
    let start = 0;
    for (let line = 0; line < file.lines; line++) {
      const end = file.copy.indexOf(NEWLINE, start) + 1;
      if (!repeated.has(line)) kept.push(file.copy.subarray(start, end));
      start = end;
    }
    unique.set(file.fileRowId, Buffer.concat(kept));
  }
  return { unique, repeats };
}

const NEWLINE = 0x0a;

async function load(
  files: LoadableFile[],
  context: IngestBatchContext,
  mode: 'direct' | 'merge',
  copyText: Map<string, Buffer>,
): Promise<FileOutcome[]> {
  const client = await context.pool.connect();
  try {
    // Outside the transaction: LIKE holds a lock on `event` until commit, which would block
    // partition creation by other loaders.
    if (mode === 'merge') await client.query(STAGE_TABLE);
    return await inTransaction(client, async () => {
      const copy = openCopy(client, mode === 'direct' ? COPY_EVENTS : COPY_STAGE);
      // One write for the batch: a write per file cost a socket write per file.
      await copy.write(joined(files.map((file) => copyText.get(file.fileRowId) as Buffer)));
      await copy.end();
      let inserted: Map<string, number>;
      let updated = new Map<string, number>();
      if (mode === 'direct') {
        // A direct COPY either stores every line sent or fails.
        inserted = new Map(files.map((file) => [file.fileRowId, file.lines - file.repeatedLines.length]));
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
      return outcomes;
    });
  } finally {
    client.release();
  }
}

/**
 * The texts as one buffer. A batch decoded in one piece hands its files' texts over as adjacent
 * views of one buffer (decodeBatch), which need no copy to be joined.
 */
function joined(texts: Buffer[]): Buffer {
  const first = texts[0];
  if (!first) return Buffer.alloc(0);
  let end = first.byteOffset + first.byteLength;
  for (const text of texts.slice(1)) {
    if (text.buffer !== first.buffer || text.byteOffset !== end) return Buffer.concat(texts);
    end += text.byteLength;
  }
  return Buffer.from(first.buffer, first.byteOffset, end - first.byteOffset);
}
