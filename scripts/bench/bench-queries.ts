/**
 * `npm run bench:queries -- --events 1000000 [--runs 30] [--only explorer] [--fresh]`
 *
 * Times the dashboards' queries on a database of N demo events. The database
 * (th_bench_queries_<N>, on the same server bench:ingest uses) is built once from the demo corpus
 * through the real ingest pipeline and the after-ingest steps, then kept for later runs
 * (--fresh rebuilds it). The cases are every file in scripts/bench/query-cases/ (see
 * query-case.ts). Prints one JSON object: {events, runs, cases: {<name>: {p50, p95, p99, max}}}
 * in milliseconds, after two untimed warm-up runs per case.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { AFTER_INGEST_STEPS } from '../../lib/analysis/after-ingest-steps';
import { migrate } from '../../lib/db/migrate';
import { resolveDatabase } from '../../lib/db/resolve-database';
import { runAfterIngest } from '../../lib/ingest/after-ingest';
import { ensureDemoCorpus, ingestCorpus } from './demo-corpus';
import { loadQueryCases } from './query-case';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '30' },
    only: { type: 'string' },
    fresh: { type: 'boolean', default: false },
  },
});
const events = Number(values.events);
const runs = Number(values.runs);
const WARM_UP = 2;

async function adminQuery(serverUrl: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

/** The kept benchmark database of `events` demo events, built when missing or incomplete. */
async function ensureQueryDatabase(serverUrl: string): Promise<string> {
  const name = `th_bench_queries_${events}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const exists = (await adminQuery(serverUrl, 'SELECT 1 FROM pg_database WHERE datname = $1', [name]))
    .rowCount;
  if (exists && !values.fresh) {
    const done = await adminQuery(
      url.toString(),
      "SELECT count(*)::int AS n FROM ingest_job WHERE status = 'done'",
    );
    if (done.rows[0].n > 0) {
      // A kept database gets the migrations added since it was built (they backfill their tables).
      await migrate(url.toString());
      return url.toString();
    }
  }
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  await migrate(url.toString());
  const corpus = ensureDemoCorpus(events);
  const pool = quietPool(url.toString());
  try {
    console.error(`Loading ${corpus} into ${name} ...`);
    const { jobId } = await ingestCorpus(pool, corpus);
    await runAfterIngest(pool, jobId, AFTER_INGEST_STEPS);
    await pool.query('ANALYZE');
  } finally {
    await pool.end();
  }
  return url.toString();
}

/** A pool whose connections may be cut when the embedded server stops at the end. */
function quietPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 8 });
  pool.on('error', () => {});
  return pool;
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[index] as number) * 10) / 10;
}

const server = await resolveDatabase();
try {
  const pool = quietPool(await ensureQueryDatabase(server.url));
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM event');
  const cases = await loadQueryCases(undefined, values.only);
  const figures: Record<string, { p50: number; p95: number; p99: number; max: number }> = {};
  for (const item of cases) {
    for (let i = 0; i < WARM_UP; i++) await item.run(pool);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = process.hrtime.bigint();
      await item.run(pool);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    times.sort((a, b) => a - b);
    figures[item.name] = {
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
      max: percentile(times, 100),
    };
    console.error(`${item.name}: p95 ${figures[item.name]?.p95} ms`);
  }
  await pool.end();
  console.log(JSON.stringify({ events: rows[0]?.n ?? 0, runs, cases: figures }));
} finally {
  await server.stop();
}
