import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { projectRoot } from '../../lib/config/paths';
import { createIngestJob, type JobSummary, runIngestJob } from '../../lib/ingest/run-job';
import { createPathSource } from '../../lib/ingest/sources/path-source';

export const BENCH_DIR = path.join(projectRoot, 'bench-results');

/**
 * A demo corpus of about `events` records under bench-results/, generated once by
 * `trailhound demo` and reused by every benchmark run.
 */
export function ensureDemoCorpus(events: number): string {
  const corpus = path.join(BENCH_DIR, `corpus-${events}`);
  mkdirSync(BENCH_DIR, { recursive: true });
  if (!existsSync(path.join(corpus, 'AWSLogs'))) {
    console.error(`Generating a ${events}-event demo corpus in ${corpus} ...`);
    const generated = spawnSync(
      process.execPath,
      [
        'scripts/trailhound.mjs',
        'demo',
        '--events',
        String(events),
        '--out',
        corpus,
        '--no-digests',
        '--json',
      ],
      { cwd: projectRoot, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    if (generated.status !== 0) throw new Error('demo generation failed');
  }
  return corpus;
}

/** Loads a corpus through the real ingest pipeline (no after-ingest analysis). */
export async function ingestCorpus(
  pool: pg.Pool,
  corpus: string,
): Promise<{ jobId: string; summary: JobSummary }> {
  const source = createPathSource(path.join(corpus, 'AWSLogs'));
  const jobId = await createIngestJob(pool, source);
  const summary = await runIngestJob(pool, jobId, source);
  if (summary.filesFailed)
    throw new Error(`ingest failed files: ${JSON.stringify(summary.errors.slice(0, 3))}`);
  return { jobId, summary };
}
