/**
 * `npm run bench:findings -- --findings 100000`
 *
 * Fills a fresh database with N findings (set-based SQL over the catalogue's rule ids, 4 accounts,
 * 500 principals, 30 days, every severity and status) and times the findings feed's queries as
 * the pages run them: the default page, a filtered page, a severity sort, a deep page, the facet
 * counts and the filter options. Prints one JSON object of median milliseconds over 7 runs.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { disconnectPrisma } from '../../lib/db/prisma';
import { RULE_IDS } from '../../lib/detections/rule-ids';
import { parseFeedQuery } from '../../lib/findings/feed-query';
import { getFeedOptions } from '../../lib/queries/findings/get-feed-options';
import { getFindingFacets } from '../../lib/queries/findings/get-finding-facets';
import { getFindings } from '../../lib/queries/findings/get-findings';
import { createScratchDatabase } from './scratch-database';

const { values } = parseArgs({ options: { findings: { type: 'string', default: '100000' } } });
const findings = Number(values.findings);
const RUNS = 7;

async function median(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return Math.round((times[Math.floor(RUNS / 2)] as number) * 10) / 10;
}

const server = await createScratchDatabase();
try {
  const url = await server.create('th_bench_findings');
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  await pool.query(
    `INSERT INTO principal (account_id, principal_key, principal_type, name)
     SELECT lpad((100000000000 + (g % 4))::text, 12, '0'), 'p' || g, 'IAMUser', 'user-' || g
     FROM generate_series(1, 500) g`,
  );
  await pool.query(
    `INSERT INTO finding (rule_id, dedup_key, severity, title, summary, account_id, principal_id, principal_key,
       region, first_seen, last_seen, event_count, status)
     SELECT rules[1 + g % array_length(rules, 1)], 'bench:' || g,
       (ARRAY['info','low','medium','high','critical'])[1 + (g * 7) % 5], 'Bench finding ' || g, 'summary ' || g,
       p.account_id, p.id, p.principal_key, 'us-east-1', t, t + interval '10 minutes', 1 + g % 40,
       (ARRAY['open','acknowledged','closed','false_positive'])[1 + (g * 3) % 4]
     FROM generate_series(1, $1::int) g
     CROSS JOIN LATERAL (SELECT $2::text[] AS rules) r
     CROSS JOIN LATERAL (SELECT timestamptz '2026-10-01' + (g % 43200) * interval '1 minute' AS t) tt
     JOIN principal p ON p.id = 1 + g % 500`,
    [findings, [...RULE_IDS]],
  );
  await pool.query('ANALYZE');
  await pool.end();

  process.env.DATABASE_URL = url;
  const q = (params: Record<string, string>) => parseFeedQuery(params);
  const result = {
    findings,
    feedMs: await median(() => getFindings(q({}))),
    filteredFeedMs: await median(() =>
      getFindings(q({ severity: 'high,critical', status: 'open,acknowledged', account: '100000000001' })),
    ),
    tacticFeedMs: await median(() => getFindings(q({ tactic: 'TA0007' }))),
    severitySortMs: await median(() => getFindings(q({ sort: 'severity' }))),
    deepPageMs: await median(() =>
      getFindings(q({ page: String(Math.max(1, Math.floor(findings / 50) - 1)) })),
    ),
    facetsMs: await median(() => getFindingFacets(q({}))),
    optionsMs: await median(() => getFeedOptions()),
  };
  console.log(JSON.stringify(result));
  await disconnectPrisma();
} finally {
  await server.dropAll();
  await server.stop();
}
