import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { DEFAULT_DECODE_LIMITS, type DecodeLimits } from './decoded-stream';
import { type FileOutcome, ingestFile } from './ingest-file';
import {
  failFile,
  type JobCounters,
  markStaleJobs,
  recordFileOutcome,
  skipFile,
  startFile,
} from './job-store';
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
export const DEFAULT_CONCURRENCY = Number(process.env.TRAILHOUND_INGEST_CONCURRENCY) || 2;

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
  const delivered: DeliveredFile[] = [];
  const limits = options.limits ?? DEFAULT_DECODE_LIMITS;
  const report = () => options.onProgress?.({ ...progress });
  // Between file completions too, so one large file still moves the bar.
  const ticker = options.onProgress ? setInterval(report, 500) : null;

  const loadOne = async (file: SourceFile) => {
    const counted = (outcome: JobCounters) => {
      progress.eventsInserted += outcome.inserted;
      progress.eventsDuplicate += outcome.duplicate;
      progress.eventsRejected += outcome.rejected;
    };
    let fileRowId: string | null = null;
    try {
      const fingerprint = file.fingerprint ?? `sha256:${await hashDelivered(file)}`;
      const skipped = await skipFile(pool, jobId, file, fingerprint);
      if (skipped) {
        progress.filesDone++;
        progress.filesSkipped++;
        progress.bytesDone += file.size ?? 0;
        delivered.push({ path: file.path, contentSha256: skipped.contentSha256, documents: [] });
        return;
      }
      fileRowId = await startFile(pool, jobId, file, fingerprint);
      const outcome: FileOutcome = await ingestFile(file, {
        pool,
        fileRowId,
        limits,
        onBytes: (delta) => {
          progress.bytesDone += delta;
        },
        recordOutcome: (client, result) => recordFileOutcome(client, jobId, fileRowId as string, result),
      });
      counted(outcome);
      delivered.push({ path: file.path, contentSha256: outcome.contentSha256, documents: outcome.documents });
      if (outcome.status === 'failed') {
        progress.filesFailed++;
        errors.push({ file: file.path, message: outcome.error ?? 'failed' });
      } else {
        progress.filesDone++;
      }
    } catch (error) {
      const message = (error as Error).message;
      progress.filesFailed++;
      errors.push({ file: file.path, message });
      await failFile(pool, jobId, fileRowId, file, message);
    }
    report();
  };

  try {
    await runWithConcurrency(files, options.concurrency ?? DEFAULT_CONCURRENCY, loadOne);
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
  }
}

async function hashDelivered(file: SourceFile): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(await file.open(), async (chunks: AsyncIterable<Buffer>) => {
    for await (const chunk of chunks) hash.update(chunk);
  });
  return hash.digest('hex');
}

async function runWithConcurrency<T>(
  items: T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}
