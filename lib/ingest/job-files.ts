import type pg from 'pg';

/**
 * The files a job loaded, as the id range after-ingest steps read its events by. File ids come
 * from one sequence, so a job's files are one range unless another job loaded at the same time;
 * `ids` lists them only then.
 */
export interface JobFiles {
  lo: string;
  hi: string;
  ids: string[] | null;
}

export async function getJobFiles(db: pg.Pool | pg.ClientBase, jobId: string): Promise<JobFiles | null> {
  const { rows } = await db.query<{ lo: string | null; hi: string | null; ids: string[] | null }>(
    `SELECT min(id)::text AS lo, max(id)::text AS hi,
            CASE WHEN max(id) - min(id) + 1 > count(*) THEN array_agg(id::text) END AS ids
       FROM ingest_file WHERE job_id = $1`,
    [jobId],
  );
  const row = rows[0];
  return row?.lo && row.hi ? { lo: row.lo, hi: row.hi, ids: row.ids } : null;
}

/** The query parameters jobEventsCondition names, in order. */
export function jobFilesParams(files: JobFiles): [string, string, string[] | null] {
  return [files.lo, files.hi, files.ids];
}

/**
 * SQL condition on `<alias>.ingest_file_id` selecting a job's events, given the placeholders of
 * jobFilesParams. A range lets event_ingest_file_brin prune in one pass; written as
 * `IN (SELECT id FROM ingest_file WHERE job_id = …)` the planner probes the index once per file
 * (seconds for a job of thousands of files).
 */
export function jobEventsCondition(alias: string, lo = '$1', hi = '$2', ids = '$3'): string {
  return `${alias}.ingest_file_id BETWEEN ${lo}::bigint AND ${hi}::bigint
    AND (${ids}::bigint[] IS NULL OR ${alias}.ingest_file_id = ANY (${ids}::bigint[]))`;
}
