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

interface ManifestIdentity {
  path: string;
  size: number | null;
  fingerprint: string;
}

/**
 * The per-file manifest rows of one job. A small file's row is written once, with its outcome, in
 * the transaction that loads its events: its id is drawn from the sequence beforehand, because
 * the event rows carry it. (Writing a `running` row first and updating it at the end cost the
 * database two row versions and five index entries per file, which on trails of many small files
 * was a large share of the load.) A large file, which takes a while, gets its `running` row
 * first so that the job page shows it while it loads. A run killed half-way leaves nothing for
 * the small files of its open batches and `running` rows for its large ones; either way the next
 * run loads them again.
 */
export class FileManifest {
  private readonly identities = new Map<string, ManifestIdentity>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly jobId: string,
  ) {}

  /** Row ids for the files, in order; `showRunning` files get their `running` row now. */
  async start(
    files: { file: SourceFile; fingerprint: string }[],
    showRunning: (file: SourceFile) => boolean,
  ): Promise<string[]> {
    if (!files.length) return [];
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT nextval(pg_get_serial_sequence('ingest_file', 'id'))::text AS id FROM generate_series(1, $1)`,
      [files.length],
    );
    const ids = rows.map((row) => row.id);
    const running: string[] = [];
    for (const [index, entry] of files.entries()) {
      const id = ids[index] as string;
      this.identities.set(id, {
        path: entry.file.path,
        size: entry.file.size ?? null,
        fingerprint: entry.fingerprint,
      });
      if (showRunning(entry.file)) running.push(id);
    }
    if (running.length) {
      await this.pool.query(
        `INSERT INTO ingest_file (id, job_id, path, size, fingerprint, status, started_at)
         SELECT id, $1, path, size, fingerprint, 'running', now()
         FROM unnest($2::bigint[], $3::text[], $4::bigint[], $5::text[]) AS t(id, path, size, fingerprint)`,
        [this.jobId, ...this.identityColumns(running)],
      );
    }
    return ids;
  }

  /** Runs inside the batch's load transaction, so the manifest and the events commit together. */
  async record(client: pg.PoolClient, outcomes: FileOutcome[]): Promise<void> {
    const ids = outcomes.map((outcome) => outcome.fileRowId);
    await client.query(
      `INSERT INTO ingest_file AS f (id, job_id, path, size, fingerprint, status, kind, events_inserted,
         events_duplicate, events_rejected, rejects, error, content_sha256, started_at, finished_at)
       SELECT t.id, $1, t.path, t.size, t.fingerprint, t.status, t.kind, t.inserted, t.duplicate, t.rejected,
         t.rejects, t.error, t.sha, now(), now()
       FROM unnest($2::bigint[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::int[],
         $9::int[], $10::int[], $11::jsonb[], $12::text[], $13::text[])
         AS t(id, path, size, fingerprint, status, kind, inserted, duplicate, rejected, rejects, error, sha)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, kind = excluded.kind,
         events_inserted = excluded.events_inserted, events_duplicate = excluded.events_duplicate,
         events_rejected = excluded.events_rejected, rejects = excluded.rejects, error = excluded.error,
         content_sha256 = excluded.content_sha256, finished_at = excluded.finished_at`,
      [
        this.jobId,
        ...this.identityColumns(ids),
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
        this.jobId,
        sum((outcome) => (outcome.status === 'done' ? 1 : 0)),
        sum((outcome) => (outcome.status === 'failed' ? 1 : 0)),
        sum((outcome) => outcome.inserted),
        sum((outcome) => outcome.duplicate),
        sum((outcome) => outcome.rejected),
      ],
    );
  }

  /** A file that could not be loaded at all (unreadable, or a database error on its rows). */
  async fail(fileRowId: string | null, file: SourceFile, message: string): Promise<void> {
    await this.pool.query(
      `WITH failed AS (
         INSERT INTO ingest_file (id, job_id, path, size, fingerprint, status, error, finished_at)
         VALUES (coalesce($2::bigint, nextval(pg_get_serial_sequence('ingest_file', 'id'))), $1, $3, $4, $5, 'failed', $6, now())
         ON CONFLICT (id) DO UPDATE SET status = 'failed', error = excluded.error, finished_at = excluded.finished_at)
       UPDATE ingest_job SET files_failed = files_failed + 1 WHERE id = $1`,
      [
        this.jobId,
        fileRowId,
        file.path,
        file.size ?? null,
        fileRowId ? (this.identities.get(fileRowId)?.fingerprint ?? null) : null,
        message,
      ],
    );
  }

  /** Forgets the identities of finished files; the job may list hundreds of thousands. */
  release(fileRowIds: string[]): void {
    for (const id of fileRowIds) this.identities.delete(id);
  }

  private identityColumns(ids: string[]): [string[], string[], (number | null)[], string[]] {
    const identities = ids.map((id) => this.identities.get(id) as ManifestIdentity);
    return [
      ids,
      identities.map((identity) => identity.path),
      identities.map((identity) => identity.size),
      identities.map((identity) => identity.fingerprint),
    ];
  }
}
