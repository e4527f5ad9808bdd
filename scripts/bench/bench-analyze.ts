/**
 * `npm run bench:analyze -- --events 1000000`
 *
 * Loads a demo corpus (shared with bench:ingest) into a fresh database, times a full analysis
 * (`analyze --full`), then loads about 10,000 new events (a demo day right after the corpus,
 * another seed) as a second job and times its incremental analysis (the after-ingest step). Prints
 * {events, fullSeconds, incrementalSeconds, incrementalEvents, findings, peakRssMb}, plus CPU
 * seconds for each, which stay meaningful when other work shares the machine: the runner's (this
 * process, all threads) and PostgreSQL's (the embedded server's processes; null for a server on
 * another machine), and the threads the full analysis used (`--threads`, default one per core).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DEFAULT_DEMO_END, DEFAULT_DEMO_SEED, generateDemoTrail } from '../../lib/demo';
import { analyzeAll, analyzeJob } from '../../lib/detections/runner/run-detections';
import { startCpuMeter } from './cpu-usage';
import { BENCH_DIR, ensureDemoCorpus, ingestCorpus } from './demo-corpus';
import { createScratchDatabase } from './scratch-database';

const DAY_MS = 86_400_000;
const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    increment: { type: 'string', default: '10000' },
    threads: { type: 'string' },
  },
});
const events = Number(values.events);
const incrementEvents = Number(values.increment);
const corpus = ensureDemoCorpus(events);

// The day after the corpus ends, another seed so that event ids never collide with the corpus.
const increment = path.join(BENCH_DIR, `increment-${incrementEvents}`);
if (!existsSync(path.join(increment, 'AWSLogs'))) {
  await generateDemoTrail({
    out: increment,
    events: incrementEvents,
    days: 1,
    seed: DEFAULT_DEMO_SEED + 1,
    end: new Date(DEFAULT_DEMO_END.getTime() + DAY_MS),
    digests: false,
  });
}

const seconds = (started: bigint) => Math.round(Number(process.hrtime.bigint() - started) / 1e7) / 100;

const server = await createScratchDatabase();
try {
  const pool = new pg.Pool({ connectionString: await server.create('th_bench_analyze'), max: 4 });
  const loaded = await ingestCorpus(pool, corpus);

  const fullCpu = await startCpuMeter(pool);
  const fullStarted = process.hrtime.bigint();
  const full = await analyzeAll(pool, values.threads ? { threads: Number(values.threads) } : {});
  const fullSeconds = seconds(fullStarted);
  const { node: fullCpuSeconds, postgres: fullPgCpuSeconds } = fullCpu();

  const next = await ingestCorpus(pool, increment);
  const incrementalCpu = await startCpuMeter(pool);
  const incrementalStarted = process.hrtime.bigint();
  await analyzeJob(pool, next.jobId);
  const incrementalSeconds = seconds(incrementalStarted);
  const { node: incrementalCpuSeconds, postgres: incrementalPgCpuSeconds } = incrementalCpu();
  await pool.end();

  console.log(
    JSON.stringify({
      events: loaded.summary.eventsInserted,
      fullSeconds,
      incrementalSeconds,
      incrementalEvents: next.summary.eventsInserted,
      fullCpuSeconds,
      incrementalCpuSeconds,
      fullPgCpuSeconds,
      incrementalPgCpuSeconds,
      threads: full.threads,
      findings: full.findings,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
} finally {
  await server.dropAll();
  await server.stop();
}
