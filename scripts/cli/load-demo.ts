import { existsSync } from 'node:fs';
import path from 'node:path';
import { AFTER_INGEST_STEPS } from '../../lib/analysis/after-ingest-steps';
import { dataDir } from '../../lib/config/paths';
import { closePool, getPool } from '../../lib/db/pg-pool';
import { DEFAULT_DEMO_EVENTS, generateDemoTrail } from '../../lib/demo';
import { runAfterIngest } from '../../lib/ingest/after-ingest';
import { createIngestJob, runIngestJob } from '../../lib/ingest/run-job';
import { createPathSource } from '../../lib/ingest/sources/path-source';
import { verifyJobDigests } from '../../lib/ingest/verify-job-digests';
import { IngestProgressBar } from './progress-bar';

/**
 * A new user's first `npm start` should open onto a living dashboard, so an empty database gets
 * the demo trail. It is generated (deterministically) rather than shipped in the repository.
 * TRAILHOUND_DEMO=0 turns this off; TRAILHOUND_DEMO_EVENTS sizes it.
 */
export async function loadDemoIfEmpty(): Promise<void> {
  if (process.env.TRAILHOUND_DEMO === '0') return;
  const pool = getPool();
  try {
    const { rows } = await pool.query('SELECT EXISTS (SELECT 1 FROM event) AS has_events');
    if (rows[0]?.has_events) return;
    const out = path.join(dataDir(), 'demo-trail');
    const events = Number(process.env.TRAILHOUND_DEMO_EVENTS) || DEFAULT_DEMO_EVENTS;
    if (!existsSync(path.join(out, 'AWSLogs'))) {
      console.log(`The database is empty: generating the demo trail (${events} events) ...`);
      await generateDemoTrail({ out, events });
    }
    console.log('Loading the demo trail ...');
    const source = createPathSource(path.join(out, 'AWSLogs'));
    const jobId = await createIngestJob(pool, source);
    const bar = process.stderr.isTTY ? new IngestProgressBar() : null;
    const summary = await runIngestJob(pool, jobId, source, {
      onProgress: (progress) => bar?.update(progress),
      verifyDigests: (id, files) => verifyJobDigests(pool, id, files),
    });
    bar?.stop();
    await runAfterIngest(pool, jobId, AFTER_INGEST_STEPS);
    console.log(`Demo trail loaded: ${summary.eventsInserted} events from ${summary.filesDone} files.`);
  } finally {
    await closePool();
  }
}
