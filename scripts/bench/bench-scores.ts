/**
 * `npm run bench:scores -- --events 200000 [--corpus DIR]`
 *
 * Loads a demo corpus into a fresh database (ingest + IP enrichment; detections are skipped, the
 * findings query is the same whether it returns rows or not), then times the scoring: the full
 * first computation phase by phase, an incremental run for a job that touched one day, and the
 * read API the pages call (50 requests each). Prints one JSON object.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { enrichIpAddresses } from '../../lib/analysis/enrich-ip-addresses';
import { projectRoot } from '../../lib/config/paths';
import { createIngestJob, runIngestJob } from '../../lib/ingest/run-job';
import { createPathSource } from '../../lib/ingest/sources/path-source';
import { computeAllScores, rescorePrincipals } from '../../lib/scores/compute';
import {
  getAccountRisk,
  getDefaultScoreWindow,
  getPrincipalScore,
  listPrincipalsByRisk,
} from '../../lib/scores/read';
import { createScratchDatabase } from './scratch-database';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '200000' },
    corpus: { type: 'string' },
    requests: { type: 'string', default: '50' },
  },
});
const events = Number(values.events);
const requests = Number(values.requests);
const corpus = values.corpus ?? path.join(projectRoot, 'bench-results', `corpus-${events}`);
mkdirSync(path.dirname(corpus), { recursive: true });

if (!existsSync(path.join(corpus, 'AWSLogs'))) {
  console.error(`Generating a ${events}-event demo corpus in ${corpus} ...`);
  const generated = spawnSync(
    process.execPath,
    ['scripts/trailhound.mjs', 'demo', '--events', String(events), '--out', corpus, '--no-digests', '--json'],
    { cwd: projectRoot, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (generated.status !== 0) throw new Error('demo generation failed');
}

async function latency(run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0);
  return { p50: at(0.5), p95: at(0.95) };
}

const server = await createScratchDatabase();
try {
  const pool = new pg.Pool({ connectionString: await server.create('th_bench_scores'), max: 8 });
  const source = createPathSource(path.join(corpus, 'AWSLogs'));
  const summary = await runIngestJob(pool, await createIngestJob(pool, source), source);
  await enrichIpAddresses(pool);

  const full = await computeAllScores(pool);
  const window = await getDefaultScoreWindow(pool);
  if (!window) throw new Error('nothing scored');
  const list = await listPrincipalsByRisk({ window, limit: 50 }, pool);
  const top = list?.rows[0];
  if (!top) throw new Error('no principals');
  // An incremental run the size of a typical follow-up job: the riskiest principal's days.
  const incremental = await rescorePrincipals(pool, [top.principalId]);

  const result = {
    events: summary.eventsInserted,
    principalDays: full.daysScored,
    featureRows: full.featureRows,
    fullSeconds: full.seconds,
    rescoreOnePrincipalSeconds: incremental.seconds.total,
    principalScoreMs: await latency(() => getPrincipalScore(top.principalId, window, pool)),
    principalsListMs: await latency(() => listPrincipalsByRisk({ window, limit: 50 }, pool)),
    accountRiskMs: await latency(() => getAccountRisk(top.accountId, window, pool)),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  console.log(JSON.stringify(result));
  await pool.end();
} finally {
  await server.dropAll();
  await server.stop();
}
