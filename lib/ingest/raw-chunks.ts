import { promisify } from 'node:util';
import { gunzip as gunzipCallback, gzip as gzipCallback } from 'node:zlib';
import type pg from 'pg';
import { hasGzipMagic } from './decoded-stream';
import { RecordSplitter, type SplitItem } from './record-splitter';

const gzip = promisify(gzipCallback);
const gunzip = promisify(gunzipCallback);

/** A piece of a delivered file kept for drill-down; see raw_chunk in 0003_event_storage. */
export interface RawChunk {
  ingestFileId: string;
  firstOrdinal: number;
  layout: 'file' | 'json-lines';
  content: Buffer;
}

/** A small file is kept whole: as delivered when it came gzipped, gzipped here when it came plain. */
export async function wholeFileChunk(ingestFileId: string, delivered: Buffer): Promise<RawChunk> {
  const content = hasGzipMagic(delivered) ? delivered : await gzip(delivered, { level: 1 });
  return { ingestFileId, firstOrdinal: 0, layout: 'file', content };
}

// Large enough that gzip works well, small enough that showing one event inflates little.
const PART_BYTES = 4 * 1024 * 1024;
const PLACEHOLDER = Buffer.from('null');
const NEWLINE = Buffer.from('\n');

/**
 * Collects a large file's items, as the record splitter yields them, into gzipped JSON Lines
 * parts. Oversized items are kept as `null` so that line numbers stay equal to ordinals.
 */
export class JsonLinesChunker {
  private pieces: Buffer[] = [];
  private bytes = 0;
  private firstOrdinal = 0;
  private nextOrdinal = 0;

  constructor(private readonly ingestFileId: string) {}

  add(item: SplitItem): void {
    const line = item.type === 'oversized' ? PLACEHOLDER : item.bytes;
    this.pieces.push(line, NEWLINE);
    this.bytes += line.length + 1;
    this.nextOrdinal++;
  }

  get full(): boolean {
    return this.bytes >= PART_BYTES;
  }

  /** The part collected so far, or null when empty. */
  async take(): Promise<RawChunk | null> {
    if (!this.pieces.length) return null;
    const content = await gzip(Buffer.concat(this.pieces), { level: 1 });
    const chunk: RawChunk = {
      ingestFileId: this.ingestFileId,
      firstOrdinal: this.firstOrdinal,
      layout: 'json-lines',
      content,
    };
    this.pieces = [];
    this.bytes = 0;
    this.firstOrdinal = this.nextOrdinal;
    return chunk;
  }
}

const CHUNKS_PER_STATEMENT = 100;

export async function insertRawChunks(client: pg.ClientBase, chunks: RawChunk[]): Promise<void> {
  for (let start = 0; start < chunks.length; start += CHUNKS_PER_STATEMENT) {
    const slice = chunks.slice(start, start + CHUNKS_PER_STATEMENT);
    // Buffers travel as binary parameters; one statement per slice keeps round trips few.
    const values = slice.map(
      (_, i) => `($${i * 4 + 1}::bigint, $${i * 4 + 2}::int, $${i * 4 + 3}, $${i * 4 + 4}::bytea)`,
    );
    await client.query(
      `INSERT INTO raw_chunk (ingest_file_id, first_ordinal, layout, content) VALUES ${values.join(', ')}`,
      slice.flatMap((chunk) => [chunk.ingestFileId, chunk.firstOrdinal, chunk.layout, chunk.content]),
    );
  }
}

/**
 * The record at `ordinal` in a loaded file, as CloudTrail wrote it (envelopes such as
 * lookup-events are the caller's to unwrap). Null when the chunk is gone or the item is not there.
 */
export async function readRawItem(
  client: pg.ClientBase | pg.Pool,
  ingestFileId: string,
  ordinal: number,
): Promise<unknown | null> {
  const { rows } = await client.query<{ first_ordinal: number; layout: RawChunk['layout']; content: Buffer }>(
    `SELECT first_ordinal, layout, content FROM raw_chunk
     WHERE ingest_file_id = $1 AND first_ordinal <= $2 ORDER BY first_ordinal DESC LIMIT 1`,
    [ingestFileId, ordinal],
  );
  const chunk = rows[0];
  if (!chunk) return null;
  const content = await gunzip(chunk.content);
  const wanted = ordinal - chunk.first_ordinal;
  let seen = 0;
  let found: Buffer | null = null;
  const splitter = new RecordSplitter(Number.MAX_SAFE_INTEGER);
  const take = (item: SplitItem) => {
    if (seen++ === wanted && item.type !== 'oversized') found = item.bytes;
  };
  try {
    splitter.write(content, take);
    splitter.end(take);
  } catch (error) {
    // A file damaged further on still holds the records before the damage.
    if (found === null) throw error;
  }
  return found === null ? null : (JSON.parse((found as Buffer).toString('utf8')) as unknown);
}
