// Which hours, per account, an ingest job's events fall in: where an incremental run looks.
//
// The job's files as runs of consecutive ids (one run unless another job's files were numbered in
// between), then each run's events through event_ingest_file_brin, which answers a range with
// the few block ranges the job wrote. Joined to ingest_file in one statement, the planner either
// scanned every partition (seconds at 1M events) or, once ingest_file had statistics, probed the
// BRIN index once per file (9-40 s at 200k events). OFFSET 0 keeps the per-run subquery from being
// flattened into such a join.

import type pg from 'pg';

export interface JobHour {
  account_id: string;
  hour: Date;
}

export async function jobHours(db: pg.ClientBase | pg.Pool, jobId: string): Promise<JobHour[]> {
  const runs = await db.query<{ lo: string; hi: string }>(
    `SELECT min(id)::text AS lo, max(id)::text AS hi
     FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM ingest_file WHERE job_id = $1) f
     GROUP BY run`,
    [jobId],
  );
  const { rows } = await db.query<JobHour>(
    `SELECT DISTINCT e.account_id, date_trunc('hour', e.event_time) AS hour
     FROM unnest($1::bigint[], $2::bigint[]) AS r(lo, hi),
       LATERAL (SELECT account_id, event_time FROM event WHERE ingest_file_id BETWEEN r.lo AND r.hi OFFSET 0) e`,
    [runs.rows.map((run) => run.lo), runs.rows.map((run) => run.hi)],
  );
  return rows;
}
