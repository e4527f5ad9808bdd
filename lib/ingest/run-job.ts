import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { DEFAULT_DECODE_LIMITS, type DecodeLimits } from './decoded-stream';
import { createDecoderPool } from './decoder-pool';
import type { BatchEntry, FileOutcome } from './event-load';
import { ingestBatch } from './ingest-batch';
import { claimJob, FileManifest, findLoadedFiles, markStaleJobs, recordSkippedFiles } from './job-store';
import { readAll } from './sources/read-all';
import type { IngestSource, SourceFile, SourceFilters } from './sources/types';

export interface JobProgress {
  jobId: string;
  filesTotal: number;
  filesDone: number;
  filesFailed: number;
  filesSkipped: number;
  bytesTotal: number;
  bytesDone: number;
  eventsInserted: number;
  eventsDuplicate: number;
  eventsRejected: number;
  startedAt: number;
}

/** The `--json` summary of `trailhound ingest`: a public interface, keep field names stable. */
export interface JobSummary {
  jobId: string;
  filesTotal: number;
  filesDone: number;
  filesFailed: number;
  filesSkipped: number;
  eventsInserted: number;
  eventsDuplicate: number;
  eventsRejected: number;
  digestMismatches: number;
  errors: { file: string; message: string }[];
}

export interface RunJobOptions {
  filters?: SourceFilters;
  concurrency?: number;
  limits?: DecodeLimits;
  onProgress?: (progress: JobProgress) => void;
  /** Checks the delivered files against the digests found among them; returns the mismatch count. */
  verifyDigests?: (jobId: string, files: DeliveredFile[]) => Promise<number>;
}

export interface DeliveredFile {
  path: string;
  contentSha256: string | null;
  documents: unknown[];
}

const HEARTBEAT_MS = 5000;
const BATCH_MAX_BYTES = 4 * 1024 * 1024;
const BATCH_MAX_FILES = 200;
// Batches in flight: while one is being decoded, others are in the database's hands.
export const DEFAULT_CONCURRENCY = Number(process.env.TRAILHOUND_INGEST_CONCURRENCY) || 4;
// Reads in flight per batch. A cold local disk answers in a fraction of a millisecond per file and
// S3 in tens of milliseconds: read one after another, a batch of 200 small files would wait on
// them rather than the database.
const READS_IN_FLIGHT = 16;

export async function createIngestJob(
  pool: pg.Pool,
  source: IngestSource,
  options: { filters?: SourceFilters; createdBy?: string | null } = {},
): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO ingest_job (source, source_kind, options, created_by) VALUES ($1, $2, $3, $4) RETURNING id::text`,
    [source.description, source.kind, JSON.stringify(options.filters ?? {}), options.createdBy ?? null],
  );
  return (rows[0] as { id: string }).id;
}

/**
 * Lists the source, then loads its files with bounded concurrency. Files already loaded by any
 * earlier job (same content) are skipped, so re-running a source only does the remainder.
 */
export async function runIngestJob(
  pool: pg.Pool,
  jobId: string,
  source: IngestSource,
  options: RunJobOptions = {},
): Promise<JobSummary> {
  // Held until the job ends, so that another run can tell a live job from one whose process died.
  const release = await claimJob(pool, jobId);
  try {
    return await runClaimedJob(pool, jobId, source, options);
  } finally {
    await release();
  }
}

async function runClaimedJob(
  pool: pg.Pool,
  jobId: string,
  source: IngestSource,
  options: RunJobOptions,
): Promise<JobSummary> {
  await markStaleJobs(pool);
  const files: SourceFile[] = [];
  try {
    for await (const file of source.list(options.filters ?? {})) files.push(file);
  } catch (error) {
    await pool.query(
      `UPDATE ingest_job SET status = 'failed', error = $2, finished_at = now() WHERE id = $1`,
      [jobId, (error as Error).message],
    );
    throw error;
  }

  const progress: JobProgress = {
    jobId,
    filesTotal: files.length,
    filesDone: 0,
    filesFailed: 0,
    filesSkipped: 0,
    bytesTotal: files.reduce((sum, file) => sum + (file.size ?? 0), 0),
    bytesDone: 0,
    eventsInserted: 0,
    eventsDuplicate: 0,
    eventsRejected: 0,
    startedAt: Date.now(),
  };
  await pool.query(
    `UPDATE ingest_job SET status = 'running', started_at = now(), heartbeat_at = now(), files_total = $2, bytes_total = $3
     WHERE id = $1`,
    [jobId, progress.filesTotal, progress.bytesTotal],
  );
  const heartbeat = setInterval(() => {
    pool
      .query('UPDATE ingest_job SET heartbeat_at = now(), bytes_done = $2 WHERE id = $1', [
        jobId,
        progress.bytesDone,
      ])
      .catch(() => {});
  }, HEARTBEAT_MS);

  const errors: JobSummary['errors'] = [];
  const manifest = new FileManifest(pool, jobId);
  const delivered: DeliveredFile[] = [];
  const limits = options.limits ?? DEFAULT_DECODE_LIMITS;
  const report = () => options.onProgress?.({ ...progress });
  // Between file completions too, so one large file still moves the bar.
  const ticker = options.onProgress ? setInterval(report, 500) : null;

  const tally = (outcome: FileOutcome, file: SourceFile) => {
    progress.eventsInserted += outcome.inserted;
    progress.eventsDuplicate += outcome.duplicate;
    progress.eventsRejected += outcome.rejected;
    delivered.push({ path: file.path, contentSha256: outcome.contentSha256, documents: outcome.documents });
    if (outcome.status === 'failed') {
      progress.filesFailed++;
      errors.push({ file: file.path, message: outcome.error ?? 'failed' });
    } else {
      progress.filesDone++;
    }
  };
  const fail = async (file: SourceFile, fileRowId: string | null, error: unknown) => {
    const message = (error as Error).message;
    progress.filesFailed++;
    errors.push({ file: file.path, message });
    await manifest.fail(fileRowId, file, message);
  };
  const context = {
    pool,
    limits,
    onBytes: (delta: number) => {
      progress.bytesDone += delta;
    },
    recordOutcomes: (client: pg.PoolClient, outcomes: FileOutcome[]) => manifest.record(client, outcomes),
    loadMode: { expectDuplicates: false },
    decoder: createDecoderPool(pool),
  };

  const loadBatch = async (batch: SourceFile[]) => {
    type Fingerprinted = { file: SourceFile; fingerprint: string; bytes?: Buffer };
    const fingerprints = await mapConcurrently(batch, READS_IN_FLIGHT, async (file) => {
      try {
        if (file.fingerprint) return { file, fingerprint: file.fingerprint };
        if (isSmall(file)) {
          // One read serves both the fingerprint and the load.
          const bytes = await readAll(file);
          return { file, fingerprint: `sha256:${sha256(bytes)}`, bytes };
        }
        return { file, fingerprint: `sha256:${await hashDelivered(file)}` };
      } catch (error) {
        await fail(file, null, error);
        return null;
      }
    });
    const fingerprinted = fingerprints.filter((entry): entry is Fingerprinted => entry !== null);
    const loaded = await findLoadedFiles(
      pool,
      fingerprinted.map((entry) => entry.fingerprint),
    );
    const skipped = fingerprinted.flatMap((entry) => {
      const earlier = loaded.get(entry.fingerprint);
      return earlier ? [{ ...entry, earlier }] : [];
    });
    await recordSkippedFiles(pool, jobId, skipped);
    for (const entry of skipped) {
      progress.filesDone++;
      progress.filesSkipped++;
      progress.bytesDone += entry.file.size ?? 0;
      delivered.push({ path: entry.file.path, contentSha256: entry.earlier.contentSha256, documents: [] });
    }
    const pending = fingerprinted.filter((entry) => !loaded.has(entry.fingerprint));
    const rowIds = await manifest.start(pending, (file) => !isSmall(file));
    const read = await mapConcurrently(
      pending,
      READS_IN_FLIGHT,
      async (entry, index): Promise<BatchEntry | null> => {
        const fileRowId = rowIds[index] as string;
        try {
          const bytes = entry.bytes ?? (isSmall(entry.file) ? await readAll(entry.file) : undefined);
          return { file: entry.file, fileRowId, bytes };
        } catch (error) {
          await fail(entry.file, fileRowId, error);
          return null;
        }
      },
    );
    const entries = read.filter((entry): entry is BatchEntry => entry !== null);
    if (!entries.length) return;
    try {
      const outcomes = await withDeadlockRetry(() => ingestBatch(entries, context));
      for (const [index, outcome] of outcomes.entries()) tally(outcome, (entries[index] as BatchEntry).file);
    } catch (error) {
      // A database error rolled the whole batch back; retry file by file so one bad file
      // cannot take its neighbours down with it.
      for (const entry of entries.length > 1 ? entries : []) {
        try {
          const [outcome] = await withDeadlockRetry(() => ingestBatch([entry], context));
          if (outcome) tally(outcome, entry.file);
        } catch (retryError) {
          await fail(entry.file, entry.fileRowId, retryError);
        }
      }
      if (entries.length === 1)
        await fail((entries[0] as BatchEntry).file, (entries[0] as BatchEntry).fileRowId, error);
    }
    manifest.release(entries.map((entry) => entry.fileRowId));
    report();
  };

  try {
    await mapConcurrently(toBatches(files), options.concurrency ?? DEFAULT_CONCURRENCY, loadBatch);
    await summarizeNewFileRanges(pool);
    const digestMismatches = options.verifyDigests ? await options.verifyDigests(jobId, delivered) : 0;
    await pool.query(
      `UPDATE ingest_job SET status = 'done', finished_at = now(), heartbeat_at = now(), bytes_done = bytes_total,
         digest_mismatches = $2 WHERE id = $1`,
      [jobId, digestMismatches],
    );
    report();
    return {
      jobId,
      filesTotal: progress.filesTotal,
      filesDone: progress.filesDone,
      filesFailed: progress.filesFailed,
      filesSkipped: progress.filesSkipped,
      eventsInserted: progress.eventsInserted,
      eventsDuplicate: progress.eventsDuplicate,
      eventsRejected: progress.eventsRejected,
      digestMismatches,
      errors,
    };
  } catch (error) {
    await pool
      .query(`UPDATE ingest_job SET status = 'failed', error = $2, finished_at = now() WHERE id = $1`, [
        jobId,
        (error as Error).message,
      ])
      .catch(() => {});
    throw error;
  } finally {
    clearInterval(heartbeat);
    if (ticker) clearInterval(ticker);
    await context.decoder.close();
  }
}

/**
 * Every after-ingest step finds the job's events through event_ingest_file_brin (migration 0013).
 * Block ranges written since the index was last summarised are not in it yet, and a BRIN scan
 * reads every such range: after a large load, each step would read all of it until autovacuum
 * got round to summarising. One pass over the new ranges now spares every step that read.
 */
async function summarizeNewFileRanges(pool: pg.Pool): Promise<void> {
  await pool.query(
    `SELECT brin_summarize_new_values(relid) FROM pg_partition_tree('event_ingest_file_brin'::regclass)
      WHERE isleaf`,
  );
}

/**
 * Two loaders merging overlapping events (an organisation trail and an account trail, say) in
 * different orders can deadlock; Postgres aborts one of them, which simply tries again.
 */
async function withDeadlockRetry<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if ((error as { code?: string }).code !== '40P01' || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}

/** Small files travel together (one transaction per batch); a large file goes alone. */
function toBatches(files: SourceFile[]): SourceFile[][] {
  const batches: SourceFile[][] = [];
  let current: SourceFile[] = [];
  let bytes = 0;
  for (const file of files) {
    const size = file.size ?? BATCH_MAX_BYTES;
    if (current.length && (bytes + size > BATCH_MAX_BYTES || current.length >= BATCH_MAX_FILES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += size;
  }
  if (current.length) batches.push(current);
  return batches;
}

/**
 * Most trail files are a few kilobytes. Stream machinery costs milliseconds per file, more than
 * the data, so small files are read whole; large ones stream in bounded memory.
 */
const SMALL_FILE_BYTES = 1024 * 1024;

function isSmall(file: SourceFile): boolean {
  return file.size !== null && file.size <= SMALL_FILE_BYTES;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function hashDelivered(file: SourceFile): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(await file.open(), async (chunks: AsyncIterable<Buffer>) => {
    for await (const chunk of chunks) hash.update(chunk);
  });
  return hash.digest('hex');
}

/** Runs `work` over `items` with at most `concurrency` calls in flight; results in item order. */
async function mapConcurrently<T, R>(
  items: T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return results;
}
