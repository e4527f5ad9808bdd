import type pg from 'pg';
import { resolveRange, type TimeRange } from '../../../lib/overview/time-range';
import { getGeoAddresses } from '../../../lib/queries/geo/get-geo-addresses';
import { getGeoCountries } from '../../../lib/queries/geo/get-geo-countries';
import { getGeoFindings } from '../../../lib/queries/geo/get-geo-findings';
import { getGeoNetworks } from '../../../lib/queries/geo/get-geo-networks';
import { getSourceKinds } from '../../../lib/queries/geo/get-source-kinds';
import { getRollupRange } from '../../../lib/queries/overview/get-rollup-range';
import type { QueryCase } from '../query-case';

// The geography page's reads, as app/(dashboard)/geo/page.tsx runs them, for bench-queries.ts.
// The country case picks the busiest country, as a click on its bubble would.

async function geoPage(pool: pg.Pool, country: 'none' | 'busiest') {
  const data = await getRollupRange(pool);
  if (!data) throw new Error('no events: load the demo trail first');
  const range = resolveRange({}, data) as TimeRange;
  const selected = country === 'busiest' ? (await getGeoCountries(range, pool))[0]?.code : undefined;
  return Promise.all([
    getGeoCountries(range, pool),
    getGeoNetworks(range, selected, 50, pool),
    getGeoAddresses(range, selected, 100, pool),
    getGeoFindings(range, pool),
    getSourceKinds(range, pool),
  ]);
}

const cases: QueryCase[] = [
  { name: 'geo: all data', run: (pool) => geoPage(pool, 'none') },
  { name: 'geo: one country selected', run: (pool) => geoPage(pool, 'busiest') },
];

export default cases;
