// Which hours, per account, an ingest job's events fall in: where an incremental run looks.
//
// The job's events are read by the range of its file ids (lib/ingest/job-files.ts), which
// event_ingest_file_brin answers with the few block ranges the job wrote. Joined to ingest_file
// in one statement, the planner either scanned every partition (seconds at 1M events) or, once
// ingest_file had statistics, probed the BRIN index once per file (9-40 s at 200k events).

import type pg from 'pg';
import { getJobFiles, jobEventsCondition, jobFilesParams } from '../../ingest/job-files';

export interface JobHour {
  account_id: string;
  hour: Date;
}

export async function jobHours(db: pg.ClientBase | pg.Pool, jobId: string): Promise<JobHour[]> {
  const files = await getJobFiles(db, jobId);
  if (!files) return [];
  const { rows } = await db.query<JobHour>(
    `SELECT DISTINCT e.account_id, date_trunc('hour', e.event_time, 'UTC') AS hour
     FROM event e WHERE ${jobEventsCondition('e')}`,
    jobFilesParams(files),
  );
  return rows;
}
