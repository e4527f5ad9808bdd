import type pg from 'pg';
import { getPool } from '@/lib/db/pg-pool';
import type { TimeRange } from '@/lib/overview/time-range';
import { GEO_MEASURES, type GeoMeasures, IN_RANGE, PER_PRINCIPAL } from './geo-measures';

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
    `WITH p AS (
       SELECT r.source_ip, ${PER_PRINCIPAL}
       FROM rollup_ip_hourly r
       WHERE ${IN_RANGE} AND ($3::text IS NULL OR r.source_ip IN (SELECT ip FROM ip_address WHERE country_code = $3))
       GROUP BY r.source_ip, r.principal_id),
     totals AS (SELECT p.source_ip, ${GEO_MEASURES} FROM p GROUP BY p.source_ip ORDER BY events DESC, p.source_ip LIMIT $4)
     SELECT host(t.source_ip) AS ip, a.kind, a.country_code AS "countryCode", a.country, a.city, a.asn,
            a.as_org AS org, a.network, a.network_provider AS provider,
            t.events, t.errors, t.principals, t."firstSeen", t."lastSeen"
     FROM totals t JOIN ip_address a ON a.ip = t.source_ip ORDER BY t.events DESC, t.source_ip`,
    [range.from, range.to, country ?? null, limit],
  );
  return rows;
}
