import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip as gunzipCallback, gunzipSync } from 'node:zlib';
import { CopyTextWriter, RepeatedEvents } from './copy-lines';
import { type DecodeLimits, hasGzipMagic } from './decoded-stream';
import type { DimensionStore } from './dimensions';
import type { LoadedFile } from './event-load';
import { decodeContent } from './record-decoder';

const gunzip = promisify(gunzipCallback);

// Beyond this a file inflates on the streaming path, in bounded memory and under the bomb guard.
const MAX_INFLATE_IN_MEMORY = 64 * 1024 * 1024;
const ASYNC_INFLATE_BYTES = 256 * 1024;

export interface FileToDecode {
  fileRowId: string;
  path: string;
  /** As delivered: gzipped or plain. */
  bytes: Uint8Array;
}

/** A small file turned into the COPY text for its events. */
export interface DecodedFile extends LoadedFile {
  /**
   * UTF-8 COPY text, one line per accepted record. Values escape their newlines, so every 0x0A
   * byte ends a line.
   */
  copy: Buffer;
  lines: number;
  /**
   * Lines (0-based) whose event an earlier line of the batch already holds, by the event table's
   * unique key; almost always none.
   */
  repeatedLines: number[];
}

/**
 * Inflates, decodes and turns into COPY text each file of a batch; null for a file that is
 * damaged or inflates too far, which the streaming path then loads on its own (it salvages the
 * records before the damage, which a one-shot inflate cannot, or stops the bomb with a clear
 * message). Pure CPU apart from the dimension lookups, so it also runs in worker threads.
 */
export async function decodeBatch(
  files: FileToDecode[],
  limits: DecodeLimits,
  store: DimensionStore,
  /** Lets other callbacks run after this many files: set on a thread that also feeds the database. */
  yieldEveryFiles = Number.POSITIVE_INFINITY,
): Promise<(DecodedFile | null)[]> {
  // Gzipped trail files inflate about tenfold and their COPY text is about half the JSON.
  const out = new CopyTextWriter(store, 4 * files.reduce((sum, file) => sum + file.bytes.byteLength, 0));
  const written: (WrittenFile | null)[] = [];
  const repeats = new RepeatedEvents();
  for (const [index, file] of files.entries()) {
    if (index > 0 && index % yieldEveryFiles === 0) await new Promise((resolve) => setImmediate(resolve));
    const bytes = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
    const content = hasGzipMagic(bytes) ? await inflateInMemory(bytes, limits) : bytes;
    if (!content) {
      written.push(null);
      continue;
    }
    const { decoder, shape, streamError } = decodeContent(content, file.path);
    const rows = decoder.takeRows();
    const start = out.size;
    out.add(file.fileRowId, rows);
    written.push({
      fileRowId: file.fileRowId,
      stats: decoder.stats,
      shape,
      streamError,
      contentSha256: createHash('sha256').update(content).digest('hex'),
      lines: rows.length,
      repeatedLines: repeats.among(rows),
      start,
      end: out.size,
    });
  }
  // One round trip stores the batch's new principals, user agents and addresses.
  const whole = await out.take();
  return written.map((file) => {
    if (!file) return null;
    const { start, end, ...rest } = file;
    return { ...rest, copy: whole.subarray(start, end) };
  });
}

type WrittenFile = Omit<DecodedFile, 'copy'> & { start: number; end: number };

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
