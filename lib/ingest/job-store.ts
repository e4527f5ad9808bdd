import pg from 'pg';
import type { FileOutcome } from './event-load';
import type { SourceFile } from './sources/types';

// Advisory-lock class for "a process is running this job" (two-key form: class, job id). Any
// constant works; it only has to differ from the other advisory keys (migrate.ts, 0002_ingest).
const JOB_LOCK_CLASS = 7_311_842;
const jobLockKey = (jobId: string): number => Number(BigInt(jobId) % 2_147_483_648n);

/**
 * Holds a session-level advisory lock on the job for as long as it runs, on a connection of its
 * own (not a pool client, so a small pool cannot starve the loaders). Postgres drops the lock the
 * moment that session ends, so a process killed with -9 frees it at once and the next run can see
 * the job is dead without waiting for its heartbeat to go stale. Returns the release function.
 */
export async function claimJob(pool: pg.Pool, jobId: string): Promise<() => Promise<void>> {
  const client = new pg.Client(pool.options);
  // A dropped connection only loses the claim; the job then looks dead to the next run, as it may be.
  client.on('error', () => {});
  await client.connect();
  try {
    const { rows } = await client.query<{ claimed: boolean }>(
      'SELECT pg_try_advisory_lock($1, $2) AS claimed',
      [JOB_LOCK_CLASS, jobLockKey(jobId)],
    );
    if (!rows[0]?.claimed) throw new Error(`ingest job ${jobId} is already being run by another process`);
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
  return () => client.end().catch(() => {});
}

/**
 * A job whose process died (kill -9, a crash, power loss) can no longer hold its claim; say so.
 * A `running` job nobody holds is dead now. A `queued` one is given two minutes to be picked up.
 * A live job is never marked, even when a long S3 listing delays its first heartbeat. (When the
 * client host vanishes without closing its connection, the server keeps the session, and so the
 * claim, until TCP keepalive ends it; the job is marked on the first run after that.)
 */
export async function markStaleJobs(pool: pg.Pool): Promise<void> {
  await pool.query(
    `UPDATE ingest_job j SET status = 'failed', finished_at = now(),
       error = 'interrupted: the process running this job stopped; run the same source again to finish it'
     WHERE status IN ('queued', 'running')
       AND (status = 'running' OR coalesce(heartbeat_at, created_at) < now() - interval '2 minutes')
       AND NOT EXISTS (
         SELECT 1 FROM pg_locks l
         WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
           AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
           AND l.classid = $1::int::oid AND l.objid = (j.id % 2147483648)::int::oid)`,
    [JOB_LOCK_CLASS],
  );
  await pool.query(
    `UPDATE ingest_file f SET status = 'failed', error = 'interrupted before it finished', finished_at = now()
     FROM ingest_job j WHERE f.job_id = j.id AND j.status = 'failed' AND f.status IN ('pending', 'running')`,
  );
}

export interface LoadedCopy {
  jobId: string;
  path: string;
  contentSha256: string | null;
}

/** Files with these fingerprints that some job already loaded completely. */
export async function findLoadedFiles(
  pool: pg.Pool,
  fingerprints: string[],
): Promise<Map<string, LoadedCopy>> {
  const { rows } = await pool.query<{
    fingerprint: string;
    job_id: string;
    path: string;
    content_sha256: string | null;
  }>(
    `SELECT DISTINCT ON (fingerprint) fingerprint, job_id::text, path, content_sha256
     FROM ingest_file WHERE fingerprint = ANY($1) AND status = 'done' ORDER BY fingerprint, id`,
    [fingerprints],
  );
  return new Map(
    rows.map((row) => [
      row.fingerprint,
      { jobId: row.job_id, path: row.path, contentSha256: row.content_sha256 },
    ]),
  );
}

export async function recordSkippedFiles(
  pool: pg.Pool,
  jobId: string,
  skipped: { file: SourceFile; fingerprint: string; earlier: LoadedCopy }[],
): Promise<void> {
  if (!skipped.length) return;
  await pool.query(
    `WITH file AS (
       INSERT INTO ingest_file (job_id, path, size, fingerprint, content_sha256, status, error, finished_at)
       SELECT $1, path, size, fingerprint, sha, 'skipped', error, now()
       FROM unnest($2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[]) AS t(path, size, fingerprint, sha, error))
     UPDATE ingest_job SET files_done = files_done + $7, files_skipped = files_skipped + $7 WHERE id = $1`,
    [
      jobId,
      skipped.map((entry) => entry.file.path),
      skipped.map((entry) => entry.file.size),
      skipped.map((entry) => entry.fingerprint),
      skipped.map((entry) => entry.earlier.contentSha256),
      skipped.map((entry) => `already loaded by job ${entry.earlier.jobId} (${entry.earlier.path})`),
      skipped.length,
    ],
  );
}

/** Adds the files to the manifest as `running`; returns their row ids in the same order. */
export async function startFiles(
  pool: pg.Pool,
  jobId: string,
  files: { file: SourceFile; fingerprint: string }[],
): Promise<string[]> {
  if (!files.length) return [];
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO ingest_file (job_id, path, size, fingerprint, status, started_at)
     SELECT $1, path, size, fingerprint, 'running', now()
     FROM unnest($2::text[], $3::bigint[], $4::text[]) WITH ORDINALITY AS t(path, size, fingerprint, n)
     ORDER BY n
     RETURNING id::text`,
    [
      jobId,
      files.map((entry) => entry.file.path),
      files.map((entry) => entry.file.size),
      files.map((entry) => entry.fingerprint),
    ],
  );
  return rows.map((row) => row.id);
}

/** Runs inside the batch's load transaction, so the manifest and the events commit together. */
export async function recordFileOutcomes(
  client: pg.PoolClient,
  jobId: string,
  outcomes: FileOutcome[],
): Promise<void> {
  await client.query(
    `UPDATE ingest_file f SET status = t.status, kind = t.kind, events_inserted = t.inserted,
       events_duplicate = t.duplicate, events_rejected = t.rejected, rejects = t.rejects, error = t.error,
       content_sha256 = t.sha, finished_at = now()
     FROM unnest($1::bigint[], $2::text[], $3::text[], $4::int[], $5::int[], $6::int[], $7::jsonb[], $8::text[], $9::text[])
       AS t(id, status, kind, inserted, duplicate, rejected, rejects, error, sha)
     WHERE f.id = t.id`,
    [
      outcomes.map((outcome) => outcome.fileRowId),
      outcomes.map((outcome) => outcome.status),
      outcomes.map((outcome) => outcome.kind),
      outcomes.map((outcome) => outcome.inserted),
      outcomes.map((outcome) => outcome.duplicate),
      outcomes.map((outcome) => outcome.rejected),
      outcomes.map((outcome) =>
        Object.keys(outcome.rejects).length ? JSON.stringify(outcome.rejects) : null,
      ),
      outcomes.map((outcome) => outcome.error),
      outcomes.map((outcome) => outcome.contentSha256),
    ],
  );
  const sum = (pick: (outcome: FileOutcome) => number) =>
    outcomes.reduce((total, outcome) => total + pick(outcome), 0);
  await client.query(
    `UPDATE ingest_job SET
       files_done = files_done + $2, files_failed = files_failed + $3,
       events_inserted = events_inserted + $4, events_duplicate = events_duplicate + $5,
       events_rejected = events_rejected + $6, heartbeat_at = now()
     WHERE id = $1`,
    [
      jobId,
      sum((outcome) => (outcome.status === 'done' ? 1 : 0)),
      sum((outcome) => (outcome.status === 'failed' ? 1 : 0)),
      sum((outcome) => outcome.inserted),
      sum((outcome) => outcome.duplicate),
      sum((outcome) => outcome.rejected),
    ],
  );
}

/** Records a file that could not be loaded at all (unreadable, or a database error on its rows). */
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
