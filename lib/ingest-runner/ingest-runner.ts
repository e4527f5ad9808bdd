import { AFTER_INGEST_STEPS } from '@/lib/analysis/after-ingest-steps';
import 'server-only';
import { UserFacingError } from '../db/errors';
import { getPool } from '../db/pg-pool';
import { runAfterIngest } from '../ingest/after-ingest';
import { runIngestJob } from '../ingest/run-job';
import type { IngestSource, SourceFilters } from '../ingest/sources/types';
import { verifyJobDigests } from '../ingest/verify-job-digests';
import { markJobFailed, recordAnalysisError, touchQueuedJobs } from './job-updates';

export interface QueuedIngest {
  jobId: string;
  source: IngestSource;
  filters?: SourceFilters;
  /** Runs once the job has ended, whatever the outcome (e.g. deleting an upload's files). */
  onSettled?: () => Promise<void>;
}

/** What this process is doing with a job right now; the database has the rest. */
export type RunnerPhase = 'queued' | 'loading' | 'analysing';

interface RunnerState {
  running: Map<string, RunnerPhase>;
  queue: QueuedIngest[];
  keepAlive: ReturnType<typeof setInterval> | null;
}

/**
 * Each job already loads a few files at once (TRAILHOUND_INGEST_CONCURRENCY), so running more
 * than a couple of jobs side by side only makes them compete for the same CPU and disk. Two lets
 * a small upload start while a long S3 import is still going.
 */
export const MAX_RUNNING_JOBS = Math.min(
  Math.max(Number(process.env.TRAILHOUND_MAX_RUNNING_JOBS) || 2, 1),
  8,
);
const KEEP_ALIVE_MS = 30_000;

// One queue per process, on globalThis: Next bundles route handlers and server actions
// separately (each with its own copy of this module), and the dev server reloads modules.
const globalForRunner = globalThis as unknown as { trailhoundIngestRunner?: RunnerState };
if (!globalForRunner.trailhoundIngestRunner) {
  globalForRunner.trailhoundIngestRunner = { running: new Map(), queue: [], keepAlive: null };
}
const state: RunnerState = globalForRunner.trailhoundIngestRunner;

/**
 * Starts the job in the background, or queues it (status stays 'queued') when enough are running.
 * Never awaited by a request: a detached promise in the long-lived `next start` process, rather
 * than after(), because a queued job starts when another one ends, outside any request, and a
 * job may run for hours. Every failure is caught, logged and recorded on the job.
 */
export function enqueueIngestJob(job: QueuedIngest): void {
  state.queue.push(job);
  pump();
}

export function runnerPhase(jobId: string): RunnerPhase | null {
  if (state.running.has(jobId)) return state.running.get(jobId) ?? null;
  return state.queue.some((job) => job.jobId === jobId) ? 'queued' : null;
}

function pump(): void {
  while (state.running.size < MAX_RUNNING_JOBS && state.queue.length > 0) {
    const job = state.queue.shift() as QueuedIngest;
    state.running.set(job.jobId, 'loading');
    void runJob(job).finally(() => {
      state.running.delete(job.jobId);
      pump();
    });
  }
  if (state.queue.length > 0 && !state.keepAlive) {
    state.keepAlive = setInterval(() => {
      touchQueuedJobs(
        getPool(),
        state.queue.map((job) => job.jobId),
      ).catch((error) => console.error('[ingest] could not refresh queued jobs', error));
    }, KEEP_ALIVE_MS);
    state.keepAlive.unref();
  } else if (state.queue.length === 0 && state.keepAlive) {
    clearInterval(state.keepAlive);
    state.keepAlive = null;
  }
}

/** The same steps as `trailhound ingest`: load, verify digests, then analyse the new events. */
async function runJob(job: QueuedIngest): Promise<void> {
  const pool = getPool();
  const started = Date.now();
  try {
    const summary = await runIngestJob(pool, job.jobId, job.source, {
      filters: job.filters,
      verifyDigests: (jobId, files) => verifyJobDigests(pool, jobId, files),
    });
    console.info(
      `[ingest] job ${job.jobId} done in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
        `${summary.filesDone}/${summary.filesTotal} files, ${summary.filesFailed} failed, ` +
        `${summary.eventsInserted} new events`,
    );
    if (summary.eventsInserted > 0) {
      state.running.set(job.jobId, 'analysing');
      try {
        await runAfterIngest(pool, job.jobId, AFTER_INGEST_STEPS, { quiet: true });
      } catch (error) {
        console.error(`[ingest] analysis after job ${job.jobId} failed`, error);
        await recordAnalysisError(pool, job.jobId, errorMessage(error));
      }
    }
  } catch (error) {
    // A source the user can fix (no credentials, no such bucket) needs its message, not a stack.
    if (error instanceof UserFacingError) console.error(`[ingest] job ${job.jobId} failed: ${error.message}`);
    else console.error(`[ingest] job ${job.jobId} failed`, error);
    await markJobFailed(pool, job.jobId, errorMessage(error)).catch((recordError) =>
      console.error(`[ingest] could not record the failure of job ${job.jobId}`, recordError),
    );
  } finally {
    await job.onSettled?.().catch((error) => console.error(`[ingest] cleanup after job ${job.jobId}`, error));
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
