import type pg from 'pg';
import type { VolumeGrouping } from '../../../lib/overview/search-params';
import { chartStepHours, resolveRange, type TimeRange } from '../../../lib/overview/time-range';
import { getAccountsSummary } from '../../../lib/queries/overview/get-accounts-summary';
import { getLatestFindings } from '../../../lib/queries/overview/get-latest-findings';
import { getOverviewKpis } from '../../../lib/queries/overview/get-overview-kpis';
import { getRollupRange } from '../../../lib/queries/overview/get-rollup-range';
import { getTopPrincipals } from '../../../lib/queries/overview/get-top-principals';
import { getVolumeSeries } from '../../../lib/queries/overview/get-volume-series';
import type { QueryCase } from '../query-case';

// The overview page's reads, as app/(dashboard)/overview/page.tsx runs them (range, then the
// five widgets in parallel), for scripts/bench/bench-queries.ts.

const DAY_MS = 86_400_000;

async function overviewPage(pool: pg.Pool, by: VolumeGrouping, pick: (data: TimeRange) => TimeRange) {
  const data = await getRollupRange(pool);
  if (!data) throw new Error('no events: load the demo trail first');
  const range = resolveRange(pick(data), data) as TimeRange;
  return Promise.all([
    getOverviewKpis(range, pool),
    getVolumeSeries(range, by, chartStepHours(range), pool),
    getTopPrincipals(range, pool),
    getLatestFindings(range, 8, pool),
    getAccountsSummary(range, pool),
  ]);
}

const lastDay = (data: TimeRange) => ({ from: new Date(data.to.getTime() - DAY_MS), to: data.to });

const cases: QueryCase[] = [
  { name: 'overview: all data, by service', run: (pool) => overviewPage(pool, 'service', (data) => data) },
  { name: 'overview: all data, by account', run: (pool) => overviewPage(pool, 'account', (data) => data) },
  {
    name: 'overview: all data, by principal type',
    run: (pool) => overviewPage(pool, 'ptype', (data) => data),
  },
  { name: 'overview: last day (brushed)', run: (pool) => overviewPage(pool, 'service', lastDay) },
];

export default cases;
