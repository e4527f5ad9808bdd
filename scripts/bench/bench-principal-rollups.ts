/**
 * `npm run bench:principal-rollups -- --events 200000`
 *
 * What the principal page's after-ingest step (lib/analysis/refresh-principal-rollups.ts) costs.
 * Loads a demo corpus into a scratch database, holding back one file in ten of its last week,
 * and times the step for that first job (every hour is new), a rebuild from every event
 * (`analyze --full`), a job of about 10,000 events the day after the corpus (the usual next
 * delivery), the held-back files as a late job (their hours are already rolled up, for the same
 * principals), and a re-run of that late job. Prints one JSON object:
 * {events, steps: {<name>: {events, seconds, cpuNode, cpuPostgres}}, rows: {<table>: n}}; CPU
 * seconds (this process, and the embedded PostgreSQL) stay meaningful when the machine is shared.
 */
import { existsSync, linkSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  rebuildPrincipalRollups,
  refreshPrincipalRollups,
} from '../../lib/analysis/refresh-principal-rollups';
import { refreshRollupsStep } from '../../lib/analysis/refresh-rollups';
import { DEFAULT_DEMO_END, DEFAULT_DEMO_SEED, generateDemoTrail } from '../../lib/demo';
import { startCpuMeter } from './cpu-usage';
import { BENCH_DIR, ensureDemoCorpus, ingestCorpus } from './demo-corpus';
import { createScratchDatabase } from './scratch-database';

const DAY_MS = 86_400_000;
const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '200000' },
    increment: { type: 'string', default: '10000' },
  },
});
const events = Number(values.events);
const incrementEvents = Number(values.increment);

const corpus = ensureDemoCorpus(events);
// The same "next day" trail bench:analyze uses.
const nextDay = path.join(BENCH_DIR, `increment-${incrementEvents}`);
if (!existsSync(path.join(nextDay, 'AWSLogs')))
  await generateDemoTrail({
    out: nextDay,
    events: incrementEvents,
    days: 1,
    seed: DEFAULT_DEMO_SEED + 1,
    end: new Date(DEFAULT_DEMO_END.getTime() + DAY_MS),
    digests: false,
  });

/**
 * The corpus as two deliveries, hard links to its files: `late` holds one file in ten of the
 * last week (CloudTrail's late and out-of-order delivery), `early` everything else.
 */
function splitCorpus(): { early: string; late: string } {
  const root = path.join(BENCH_DIR, `corpus-${events}-split`);
  const early = path.join(root, 'early');
  const late = path.join(root, 'late');
  if (existsSync(path.join(root, 'done'))) return { early, late };
  const lastWeek = new Date(DEFAULT_DEMO_END.getTime() - 7 * DAY_MS).toISOString().slice(0, 10);
  let index = 0;
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(corpus, relative), { withFileTypes: true })) {
      const child = path.join(relative, entry.name);
      if (entry.isDirectory()) {
        walk(child);
        continue;
      }
      const day =
        child
          .match(/(\d{4})\/(\d{2})\/(\d{2})\//)
          ?.slice(1)
          .join('-') ?? '';
      const target = day >= lastWeek && index++ % 10 === 0 ? late : early;
      mkdirSync(path.join(target, path.dirname(child)), { recursive: true });
      linkSync(path.join(corpus, child), path.join(target, child));
    }
  };
  walk('AWSLogs');
  mkdirSync(path.join(root, 'done'));
  return { early, late };
}
const split = splitCorpus();

async function timed(pool: pg.Pool, run: () => Promise<void>) {
  const cpu = await startCpuMeter(pool);
  const started = process.hrtime.bigint();
  await run();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const { node, postgres } = cpu();
  return { seconds: Math.round(seconds * 100) / 100, cpuNode: node, cpuPostgres: postgres };
}

const server = await createScratchDatabase();
try {
  const pool = new pg.Pool({ connectionString: await server.create('th_bench_principal_rollups'), max: 4 });
  const steps: Record<string, { events: number } & Awaited<ReturnType<typeof timed>>> = {};
  const step = async (name: string, jobId: string, jobEvents: number) => {
    // The overview step runs first in the real order and gives this one its addresses (untimed).
    await refreshRollupsStep.run(pool, jobId);
    steps[name] = { events: jobEvents, ...(await timed(pool, () => refreshPrincipalRollups(pool, jobId))) };
    console.error(`${name}: ${steps[name]?.seconds} s`);
  };

  const first = await ingestCorpus(pool, split.early);
  await pool.query('ANALYZE');
  await step('first job (corpus less the late files)', first.jobId, first.summary.eventsInserted);
  steps['rebuild from every event'] = {
    events: first.summary.eventsInserted,
    ...(await timed(pool, () => rebuildPrincipalRollups(pool))),
  };
  const next = await ingestCorpus(pool, nextDay);
  await step('next-day job', next.jobId, next.summary.eventsInserted);
  const delayed = await ingestCorpus(pool, split.late);
  await step('late job into rolled-up hours', delayed.jobId, delayed.summary.eventsInserted);
  await step('re-run of the late job', delayed.jobId, delayed.summary.eventsInserted);

  const rows: Record<string, number> = {};
  for (const table of [
    'principal_activity_hourly',
    'account_item_daily',
    'access_key_ips',
    'issued_credential',
  ]) {
    const { rows: counted } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    rows[table] = counted[0]?.n ?? 0;
  }
  await pool.end();
  console.log(JSON.stringify({ events: first.summary.eventsInserted, steps, rows }));
} finally {
  await server.dropAll();
  await server.stop();
}
