import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { inTransaction } from '../db/transaction';
import { CopyTextWriter } from './copy-lines';
import { ByteCounter, ContentGuard, gunzip, isGzipped } from './decoded-stream';
import { dimensionStoreFor } from './dimensions';
import {
  type BatchEntry,
  buildOutcome,
  COPY_STAGE,
  type CopyStream,
  describeStreamError,
  ensurePartitions,
  type FileOutcome,
  mergeStaged,
  openCopy,
  STAGE_TABLE,
} from './event-load';
import type { IngestBatchContext } from './ingest-batch';
import { insertRawChunks, JsonLinesChunker } from './raw-chunks';
import { MAX_RECORD_BYTES, RecordDecoder, shapeOf } from './record-decoder';
import { RecordSplitter, type SplitItem } from './record-splitter';

// COPY text is sent in pieces of about this size.
const SEND_BYTES = 2 * 1024 * 1024;

/**
 * Loads one large (or damaged) file in its own transaction, streaming in bounded memory: inflate
 * under the bomb guard, split, decode, COPY into the staging table, then merge. The raw records
 * are kept as gzipped JSON Lines parts; the COPY is paused while each part is stored. Records
 * decoded before a failure (a truncated gzip, say) are still stored: the damage is reported, not
 * spread.
 */
export async function ingestLargeFile(entry: BatchEntry, context: IngestBatchContext): Promise<FileOutcome> {
  const client = await context.pool.connect();
  const store = dimensionStoreFor(context.pool);
  const decoder = new RecordDecoder(entry.file.path);
  const chunker = new JsonLinesChunker(entry.fileRowId);
  const splitter = new RecordSplitter(MAX_RECORD_BYTES);
  const delivered = new ByteCounter(context.onBytes);
  const guard = new ContentGuard(context.limits, delivered);
  try {
    await client.query(STAGE_TABLE);
    return await inTransaction(client, async () => {
      let copy: CopyStream = openCopy(client, COPY_STAGE);
      // Rows become COPY text as they are decoded; see CopyTextWriter.
      const text = new CopyTextWriter(store, SEND_BYTES + MAX_RECORD_BYTES);
      const send = async () => {
        if (text.size) await copy.write(await text.take());
      };
      const storePart = async () => {
        const part = await chunker.take();
        if (!part) return;
        await copy.end();
        await insertRawChunks(client, [part]);
        copy = openCopy(client, COPY_STAGE);
      };

      let streamError: string | null = null;
      // What the last stage threw. On Node 20, when it throws below an fs.ReadStream and a
      // transform, pipeline() rejects with a bare AbortError instead of the reason.
      let stageError: unknown = null;
      const add = (item: SplitItem) => {
        chunker.add(item);
        decoder.add(item);
      };
      // pipeline() can reject as soon as a stage upstream fails, while this consumer is still
      // awaiting a write; the rows are flushed only once it has really stopped.
      let consuming: Promise<void> = Promise.resolve();
      const consume = (chunks: AsyncIterable<Buffer>) => {
        consuming = (async () => {
          try {
            for await (const chunk of chunks) {
              splitter.write(chunk, add);
              text.add(entry.fileRowId, decoder.takeRows());
              if (text.size >= SEND_BYTES) await send();
              if (chunker.full) await storePart();
            }
            splitter.end(add);
          } catch (error) {
            stageError = error;
            throw error;
          }
        })();
        return consuming;
      };
      try {
        const raw = entry.bytes ? Readable.from([entry.bytes]) : await entry.file.open();
        const compressed = await isGzipped(raw);
        if (compressed) await pipeline(raw, delivered, gunzip(), guard, consume);
        else await pipeline(raw, delivered, guard, consume);
      } catch (error) {
        streamError = describeStreamError(
          (error as Error).name === 'AbortError' ? (stageError ?? error) : error,
        );
      }
      await consuming.catch(() => {});
      text.add(entry.fileRowId, decoder.takeRows());
      await send();
      await storePart();
      await copy.end();

      // The staging table is not `event`, so no lock on it is held yet and partitions can be made.
      await ensurePartitions(context.pool, decoder.stats.months);
      const { inserted, updated } = await mergeStaged(client, decoder.stats.addenda > 0);
      const insertedHere = inserted.get(entry.fileRowId) ?? 0;
      if (insertedHere + (updated.get(entry.fileRowId) ?? 0) === 0) {
        await client.query('DELETE FROM raw_chunk WHERE ingest_file_id = $1', [entry.fileRowId]);
      }
      const outcome = buildOutcome(
        {
          fileRowId: entry.fileRowId,
          stats: decoder.stats,
          shape: shapeOf(splitter),
          streamError,
          contentSha256: guard.sha256(),
        },
        insertedHere,
      );
      await context.recordOutcomes(client, [outcome]);
      return outcome;
    });
  } finally {
    client.release();
  }
}
