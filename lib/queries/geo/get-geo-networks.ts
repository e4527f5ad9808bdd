import type pg from 'pg';
import { getPool } from '@/lib/db/pg-pool';
import type { TimeRange } from '@/lib/overview/time-range';
import { GEO_MEASURES, type GeoMeasures, IN_RANGE, PER_PRINCIPAL } from './geo-measures';

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
    `WITH scope AS (
       SELECT r.*, a.asn FROM rollup_ip_hourly r JOIN ip_address a ON a.ip = r.source_ip
       WHERE ${IN_RANGE} AND a.kind = 'public' AND ($3::text IS NULL OR a.country_code = $3)),
     p AS (SELECT r.asn, ${PER_PRINCIPAL} FROM scope r GROUP BY r.asn, r.principal_id),
     totals AS (SELECT p.asn, ${GEO_MEASURES} FROM p GROUP BY p.asn ORDER BY events DESC LIMIT $4),
     addresses AS (
       SELECT a.asn, max(a.as_org) AS org, max(a.network) AS network, max(a.network_provider) AS provider,
              array_agg(a.country_code) FILTER (WHERE a.country_code IS NOT NULL) AS country_list,
              count(*)::int AS addresses
       FROM ip_address a WHERE a.ip IN (SELECT DISTINCT source_ip FROM scope)
       GROUP BY a.asn)
     SELECT t.*, ad.org, ad.network, ad.provider, coalesce(ad.addresses, 0) AS addresses,
            ARRAY(SELECT DISTINCT unnest(ad.country_list) ORDER BY 1) AS countries
     FROM totals t LEFT JOIN addresses ad ON ad.asn IS NOT DISTINCT FROM t.asn
     ORDER BY t.events DESC`,
    [range.from, range.to, country ?? null, limit],
  );
  return rows.map((row) => ({ ...row, countries: row.countries ?? [] }));
}
