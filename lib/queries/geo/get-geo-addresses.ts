import type pg from 'pg';
import { getPool } from '@/lib/db/pg-pool';
import type { TimeRange } from '@/lib/overview/time-range';
import { GEO_MEASURES, type GeoMeasures, IN_RANGE } from './geo-measures';

export interface GeoAddress extends GeoMeasures {
  ip: string;
  kind: string;
  countryCode: string | null;
  country: string | null;
  city: string | null;
  asn: number | null;
  org: string | null;
  network: string | null;
  provider: string | null;
}

/** Source addresses with the most events in the range, optionally in one country. */
export async function getGeoAddresses(
  range: TimeRange,
  country: string | undefined,
  limit = 100,
  db: pg.Pool = getPool(),
): Promise<GeoAddress[]> {
  const { rows } = await db.query<GeoAddress>(
    `SELECT host(r.source_ip) AS ip, a.kind, a.country_code AS "countryCode", a.country, a.city, a.asn,
            a.as_org AS org, a.network, a.network_provider AS provider, ${GEO_MEASURES}
     FROM rollup_ip_hourly r JOIN ip_address a ON a.ip = r.source_ip
     WHERE ${IN_RANGE} AND ($3::text IS NULL OR a.country_code = $3)
     GROUP BY r.source_ip, a.ip ORDER BY events DESC, r.source_ip LIMIT $4`,
    [range.from, range.to, country ?? null, limit],
  );
  return rows;
}
