import 'server-only';
import { getIngestJob } from '../queries/ingest/get-ingest-job';
import { getIngestJobErrors } from '../queries/ingest/get-ingest-job-errors';
import type { IngestFileError, IngestJobRow } from '../queries/ingest/types';
import { type RunnerPhase, runnerPhase } from './ingest-runner';

/** What the live progress panel shows: the job, its failed files, and what this process is doing. */
export interface IngestJobSnapshot {
  job: IngestJobRow;
  /** 'analysing' while detections run on a job already marked done; null when not in this process. */
  phase: RunnerPhase | null;
  errors: IngestFileError[];
  errorsTotal: number;
}

export async function loadJobSnapshot(jobId: bigint): Promise<IngestJobSnapshot | null> {
  const [job, failed] = await Promise.all([getIngestJob(jobId), getIngestJobErrors(jobId)]);
  if (!job) return null;
  return { job, phase: runnerPhase(job.id), errors: failed.errors, errorsTotal: failed.total };
}
