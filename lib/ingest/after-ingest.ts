import type pg from 'pg';

/**
 * Work that runs on the events a job added (enrichment, detections, scores). The steps are
 * listed in lib/analysis/after-ingest-steps.ts; ingest itself knows none of them.
 */
export interface AfterIngestStep {
  name: string;
  run(pool: pg.Pool, jobId: string): Promise<void>;
}

export async function runAfterIngest(
  pool: pg.Pool,
  jobId: string,
  steps: readonly AfterIngestStep[],
  options: { quiet?: boolean } = {},
): Promise<void> {
  for (const step of steps) {
    const started = Date.now();
    await step.run(pool, jobId);
    if (!options.quiet)
      console.error(`${step.name} finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
