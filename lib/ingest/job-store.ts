import type pg from 'pg';
import type { FileOutcome } from './ingest-file';
import type { SourceFile } from './sources/types';

export interface JobCounters {
  inserted: number;
  duplicate: number;
  rejected: number;
}

/** A job whose process died (kill -9, power loss) stops sending heartbeats; say so. */
export async function markStaleJobs(pool: pg.Pool): Promise<void> {
  await pool.query(
    `UPDATE ingest_job SET status = 'failed', finished_at = now(),
       error = 'interrupted: the process running this job stopped; run the same source again to finish it'
     WHERE status IN ('queued', 'running') AND coalesce(heartbeat_at, created_at) < now() - interval '2 minutes'`,
  );
  await pool.query(
    `UPDATE ingest_file f SET status = 'failed', error = 'interrupted before it finished', finished_at = now()
     FROM ingest_job j WHERE f.job_id = j.id AND j.status = 'failed' AND f.status IN ('pending', 'running')`,
  );
}

/** Returns the earlier copy when a file with the same content is already loaded. */
export async function skipFile(
  pool: pg.Pool,
  jobId: string,
  file: SourceFile,
  fingerprint: string,
): Promise<{ contentSha256: string | null } | null> {
  const { rows } = await pool.query<{ job_id: string; path: string; content_sha256: string | null }>(
    `SELECT job_id::text, path, content_sha256 FROM ingest_file WHERE fingerprint = $1 AND status = 'done' LIMIT 1`,
    [fingerprint],
  );
  const earlier = rows[0];
  if (!earlier) return null;
  await pool.query(
    `WITH file AS (
       INSERT INTO ingest_file (job_id, path, size, fingerprint, content_sha256, status, error, finished_at)
       VALUES ($1, $2, $3, $4, $5, 'skipped', $6, now()))
     UPDATE ingest_job SET files_done = files_done + 1, files_skipped = files_skipped + 1 WHERE id = $1`,
    [
      jobId,
      file.path,
      file.size,
      fingerprint,
      earlier.content_sha256,
      `already loaded by job ${earlier.job_id} (${earlier.path})`,
    ],
  );
  return { contentSha256: earlier.content_sha256 };
}

export async function startFile(
  pool: pg.Pool,
  jobId: string,
  file: SourceFile,
  fingerprint: string,
): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO ingest_file (job_id, path, size, fingerprint, status, started_at)
     VALUES ($1, $2, $3, $4, 'running', now()) RETURNING id::text`,
    [jobId, file.path, file.size, fingerprint],
  );
  return (rows[0] as { id: string }).id;
}

/** Runs inside the file's load transaction, so the manifest and the events commit together. */
export async function recordFileOutcome(
  client: pg.PoolClient,
  jobId: string,
  fileRowId: string,
  outcome: FileOutcome,
): Promise<void> {
  await client.query(
    `UPDATE ingest_file SET status = $2, kind = $3, events_inserted = $4, events_duplicate = $5, events_rejected = $6,
       rejects = $7, error = $8, content_sha256 = $9, finished_at = now()
     WHERE id = $1`,
    [
      fileRowId,
      outcome.status,
      outcome.kind,
      outcome.inserted,
      outcome.duplicate,
      outcome.rejected,
      Object.keys(outcome.rejects).length ? JSON.stringify(outcome.rejects) : null,
      outcome.error,
      outcome.contentSha256,
    ],
  );
  await client.query(
    `UPDATE ingest_job SET
       files_done = files_done + $2, files_failed = files_failed + $3,
       events_inserted = events_inserted + $4, events_duplicate = events_duplicate + $5,
       events_rejected = events_rejected + $6, heartbeat_at = now()
     WHERE id = $1`,
    [
      jobId,
      outcome.status === 'done' ? 1 : 0,
      outcome.status === 'failed' ? 1 : 0,
      outcome.inserted,
      outcome.duplicate,
      outcome.rejected,
    ],
  );
}

export async function failFile(
  pool: pg.Pool,
  jobId: string,
  fileRowId: string | null,
  file: SourceFile,
  message: string,
): Promise<void> {
  if (fileRowId) {
    await pool.query(
      `UPDATE ingest_file SET status = 'failed', error = $2, finished_at = now() WHERE id = $1`,
      [fileRowId, message],
    );
  } else {
    await pool.query(
      `INSERT INTO ingest_file (job_id, path, size, status, error, finished_at) VALUES ($1, $2, $3, 'failed', $4, now())`,
      [jobId, file.path, file.size, message],
    );
  }
  await pool.query('UPDATE ingest_job SET files_failed = files_failed + 1 WHERE id = $1', [jobId]);
}
