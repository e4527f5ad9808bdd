import type pg from 'pg';
import { getPool } from '@/lib/db/pg-pool';
import type { TimeRange } from '@/lib/overview/time-range';
import { GEO_MEASURES, type GeoMeasures, IN_RANGE } from './geo-measures';

export interface GeoNetwork extends GeoMeasures {
  asn: number | null;
  org: string | null;
  /** cloud, hosting or cdn (lib/enrich's flag), null for other networks. */
  network: string | null;
  provider: string | null;
  countries: string[];
  addresses: number;
}

/** Origin networks (ASNs) of public addresses in the range, optionally in one country. */
export async function getGeoNetworks(
  range: TimeRange,
  country: string | undefined,
  limit = 50,
  db: pg.Pool = getPool(),
): Promise<GeoNetwork[]> {
  const { rows } = await db.query<GeoNetwork>(
    `SELECT a.asn, max(a.as_org) AS org, max(a.network) AS network, max(a.network_provider) AS provider,
            array_agg(DISTINCT a.country_code) FILTER (WHERE a.country_code IS NOT NULL) AS countries,
            count(DISTINCT r.source_ip)::int AS addresses, ${GEO_MEASURES}
     FROM rollup_ip_hourly r JOIN ip_address a ON a.ip = r.source_ip
     WHERE ${IN_RANGE} AND a.kind = 'public' AND ($3::text IS NULL OR a.country_code = $3)
     GROUP BY a.asn ORDER BY events DESC LIMIT $4`,
    [range.from, range.to, country ?? null, limit],
  );
  return rows.map((row) => ({ ...row, countries: row.countries ?? [] }));
}
