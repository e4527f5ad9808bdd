import type pg from 'pg';

/**
 * Work that runs on the events a job added (detections, baselines, scores). Each analysis
 * capability registers one step here; ingest itself knows none of them.
 */
export interface AfterIngestStep {
  name: string;
  run(pool: pg.Pool, jobId: string): Promise<void>;
}

const steps: AfterIngestStep[] = [];

export function registerAfterIngestStep(step: AfterIngestStep): void {
  if (!steps.some((existing) => existing.name === step.name)) steps.push(step);
}

export async function runAfterIngest(
  pool: pg.Pool,
  jobId: string,
  options: { quiet?: boolean } = {},
): Promise<void> {
  for (const step of steps) {
    const started = Date.now();
    await step.run(pool, jobId);
    if (!options.quiet)
      console.error(`${step.name} finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
