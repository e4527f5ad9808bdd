import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { EVENT_COLUMNS } from './copy-format';
import type { ContentShape, DecodeStats } from './record-decoder';
import type { SourceFile } from './sources/types';

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

/** A file decoded (or streamed) into event rows, before its counts are known. */
export interface LoadedFile {
  fileRowId: string;
  stats: DecodeStats;
  shape: ContentShape;
  streamError: string | null;
  contentSha256: string;
}

export const STAGE_TABLE = `CREATE TEMP TABLE IF NOT EXISTS event_stage (LIKE event INCLUDING DEFAULTS) ON COMMIT DELETE ROWS`;
export const COPY_EVENTS = `COPY event (${EVENT_COLUMNS.join(', ')}) FROM STDIN`;
export const COPY_STAGE = `COPY event_stage (${EVENT_COLUMNS.join(', ')}) FROM STDIN`;

// RETURNING attributes each new row to its file, so per-file counts survive batching.
const MERGE = `
  WITH inserted AS (INSERT INTO event SELECT * FROM event_stage ON CONFLICT DO NOTHING RETURNING ingest_file_id)
  SELECT ingest_file_id::text AS file_id, count(*)::int AS n FROM inserted GROUP BY 1`;

const KEY_COLUMNS = new Set(['account_id', 'event_id', 'event_time']);
// CloudTrail re-delivers an event with an `addendum` when it was late or its fields changed
// (UPDATED_DATA): the stored copy is replaced, not kept beside it. The same addendum delivered
// twice changes nothing the second time.
const APPLY_ADDENDA = `
  WITH updated AS (
    UPDATE event e SET ${EVENT_COLUMNS.filter((column) => !KEY_COLUMNS.has(column))
      .map((column) => `${column} = s.${column}`)
      .join(', ')}
    FROM event_stage s
    WHERE s.detail ? 'addendum' AND e.account_id = s.account_id AND e.event_id = s.event_id
      AND e.event_time = s.event_time AND e.detail IS DISTINCT FROM s.detail
    RETURNING s.ingest_file_id)
  SELECT ingest_file_id::text AS file_id, count(*)::int AS n FROM updated GROUP BY 1`;

export interface MergeCounts {
  inserted: Map<string, number>;
  updated: Map<string, number>;
}

/** Moves the staged rows into `event`, skipping known (account, eventID) pairs, and applies addenda. */
export async function mergeStaged(client: pg.ClientBase, withAddenda: boolean): Promise<MergeCounts> {
  const tally = (rows: { file_id: string; n: number }[]) => new Map(rows.map((row) => [row.file_id, row.n]));
  const inserted = tally((await client.query<{ file_id: string; n: number }>(MERGE)).rows);
  const updated = withAddenda
    ? tally((await client.query<{ file_id: string; n: number }>(APPLY_ADDENDA)).rows)
    : new Map<string, number>();
  return { inserted, updated };
}

export interface CopyStream {
  write(text: string | Buffer): Promise<void>;
  end(): Promise<void>;
}

/** An open COPY on the client; `write` respects back-pressure. */
export function openCopy(client: pg.ClientBase, sql: string): CopyStream {
  const copy = client.query(copyFrom(sql));
  const done = new Promise<void>((resolve, reject) => {
    copy.on('finish', resolve);
    copy.on('error', reject);
  });
  // Surfaced by end(); without a listener a failed COPY would also crash the process.
  done.catch(() => {});
  return {
    async write(text) {
      if (!copy.write(text))
        await Promise.race([new Promise((resolve) => copy.once('drain', resolve)), done]);
    },
    async end() {
      copy.end();
      await done;
    },
  };
}

export function buildOutcome(file: LoadedFile, inserted: number): FileOutcome {
  const { stats } = file;
  const kind = classify(stats, file.shape);
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

function classify(stats: DecodeStats, shape: ContentShape): FileKind {
  if (shape.envelopeKind === 'Records') return 'trail';
  if (shape.envelopeKind === 'Events') return 'lookup-events';
  if (shape.envelopeKind === 'array') return 'json-array';
  if (stats.documents.length && stats.accepted === 0 && stats.rejected === 0) return 'digest';
  if (shape.documentsSeen > 1) return 'json-lines';
  if (shape.documentsSeen === 1 && (stats.accepted || stats.rejected)) return 'record';
  return 'empty';
}

export function describeStreamError(error: unknown): string {
  const err = error as NodeJS.ErrnoException;
  if (err.code === 'Z_DATA_ERROR' || err.code === 'Z_BUF_ERROR' || err.message === 'unexpected end of file') {
    return `corrupt or truncated gzip (${err.message})`;
  }
  return err.message;
}

const knownPartitions = new WeakMap<pg.Pool, Set<string>>();

/** Partition DDL runs on its own connection: inside a load it would block every other loader. */
export async function ensurePartitions(pool: pg.Pool, months: Iterable<string>): Promise<void> {
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
