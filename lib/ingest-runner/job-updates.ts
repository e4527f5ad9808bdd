import type pg from 'pg';

// The few writes the in-process runner makes to ingest_job itself; everything else about a job's
// progress is written by lib/ingest as it loads.

/**
 * runIngestJob fails any queued or running job whose heartbeat is older than two minutes (its
 * process died). Jobs waiting in this process's queue are alive, so they keep beating too.
 */
export async function touchQueuedJobs(pool: pg.Pool, jobIds: string[]): Promise<void> {
  if (!jobIds.length) return;
  await pool.query(
    `UPDATE ingest_job SET heartbeat_at = now() WHERE id = ANY($1::bigint[]) AND status = 'queued'`,
    [jobIds],
  );
}

/** For failures outside what runIngestJob records itself (e.g. the database went away first). */
export async function markJobFailed(pool: pg.Pool, jobId: string, message: string): Promise<void> {
  await pool.query(
    `UPDATE ingest_job SET status = 'failed', error = $2, finished_at = coalesce(finished_at, now())
     WHERE id = $1 AND status IN ('queued', 'running')`,
    [jobId, message],
  );
}

/** The events are loaded and stay loaded; the job keeps 'done' and says what did not run. */
export async function recordAnalysisError(pool: pg.Pool, jobId: string, message: string): Promise<void> {
  await pool.query(`UPDATE ingest_job SET error = $2 WHERE id = $1`, [
    jobId,
    `Events loaded, but the analysis afterwards failed: ${message}`,
  ]);
}
