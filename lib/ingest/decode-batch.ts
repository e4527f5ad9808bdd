import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip as gunzipCallback, gunzipSync } from 'node:zlib';
import { CopyLineBuilder, RepeatedEvents } from './copy-lines';
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
): Promise<(DecodedFile | null)[]> {
  // Lines are built and written out as soon as a file is decoded, so its parsed records and
  // strings die young (cheap to collect); only files naming a principal or user agent not cached
  // yet wait, as text, for the one round trip that stores them all.
  // Gzipped trail files inflate about tenfold and their COPY text is about half the JSON.
  const out = new CopyTextBuffer(4 * files.reduce((sum, file) => sum + file.bytes.byteLength, 0));
  const slots: (WrittenFile | Waiting | null)[] = [];
  const repeats = new RepeatedEvents();
  for (const file of files) {
    const bytes = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
    const content = hasGzipMagic(bytes) ? await inflateInMemory(bytes, limits) : bytes;
    if (!content) {
      slots.push(null);
      continue;
    }
    const { decoder, shape, streamError } = decodeContent(content, file.path);
    const rows = decoder.takeRows();
    const builder = new CopyLineBuilder(store, file.fileRowId);
    builder.add(rows);
    const loaded: Loaded = {
      fileRowId: file.fileRowId,
      stats: decoder.stats,
      shape,
      streamError,
      contentSha256: createHash('sha256').update(content).digest('hex'),
      lines: rows.length,
      repeatedLines: repeats.among(rows),
    };
    slots.push(builder.waiting ? { ...loaded, builder } : { ...loaded, ...out.write(builder.take()) });
  }
  // New addresses are stored even when every id was cached.
  await store.flush();
  const written = slots.map((slot) => {
    if (slot === null || !('builder' in slot)) return slot;
    const { builder, ...loaded } = slot;
    return { ...loaded, ...out.write(builder.take()) };
  });
  const whole = out.finish();
  return written.map((file) => {
    if (!file) return null;
    const { start, end, ...rest } = file;
    return { ...rest, copy: whole.subarray(start, end) };
  });
}

type Loaded = Omit<DecodedFile, 'copy'>;
type Waiting = Loaded & { builder: CopyLineBuilder };
type WrittenFile = Loaded & { start: number; end: number };

/**
 * The batch's COPY text in one buffer of its own (not a slice of Node's shared pool), each file's
 * `copy` a view of it: one allocation and one transfer back from a worker per batch instead of
 * one per file, which on trails of many small files the garbage collector noticed.
 */
class CopyTextBuffer {
  private buffer: Buffer;
  private length = 0;

  constructor(sizeHint: number) {
    this.buffer = Buffer.allocUnsafeSlow(Math.min(Math.max(sizeHint, 64 * 1024), 64 * 1024 * 1024));
  }

  write(lines: string[]): { start: number; end: number } {
    const start = this.length;
    for (const line of lines) {
      // A UTF-16 code unit is at most three UTF-8 bytes: room for that spares measuring the line.
      if (this.length + 3 * line.length > this.buffer.length) this.grow(this.length + 3 * line.length);
      this.length += this.buffer.write(line, this.length);
    }
    return { start, end: this.length };
  }

  finish(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  private grow(needed: number): void {
    const next = Buffer.allocUnsafeSlow(Math.max(needed, this.buffer.length * 2));
    this.buffer.copy(next, 0, 0, this.length);
    this.buffer = next;
  }
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
