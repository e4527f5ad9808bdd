import type pg from 'pg';
import { getPool } from '@/lib/db/pg-pool';
import type { TimeRange } from '@/lib/overview/time-range';
import type { GeoMeasures } from './geo-measures';

export interface GeoCountry extends GeoMeasures {
  code: string;
  name: string;
  /** The first hour this country was ever seen, in or before the range (for novelty). */
  firstEver: Date;
  /** Events from cloud, hosting or CDN networks. */
  cloudEvents: number;
  latitude: number | null;
  longitude: number | null;
}

/**
 * Countries with events in the range. The scan covers all hours, not only the range, so that each
 * country also gets the first time it was ever seen: a country new in the range stands out.
 */
export async function getGeoCountries(range: TimeRange, db: pg.Pool = getPool()): Promise<GeoCountry[]> {
  const inRange = 'r.hour >= $1 AND r.hour < $2';
  const { rows } = await db.query<GeoCountry>(
    `SELECT a.country_code AS code, max(a.country) AS name, min(r.hour) AS "firstEver",
            (sum(r.events) FILTER (WHERE ${inRange}))::int AS events,
            (sum(r.errors) FILTER (WHERE ${inRange}))::int AS errors,
            (count(DISTINCT r.principal_id) FILTER (WHERE ${inRange}))::int AS principals,
            min(r.hour) FILTER (WHERE ${inRange}) AS "firstSeen",
            max(r.hour) FILTER (WHERE ${inRange}) + interval '1 hour' AS "lastSeen",
            (coalesce(sum(r.events) FILTER (WHERE ${inRange} AND a.network IS NOT NULL), 0))::int AS "cloudEvents",
            avg(a.latitude) FILTER (WHERE ${inRange}) AS latitude,
            avg(a.longitude) FILTER (WHERE ${inRange}) AS longitude
     FROM rollup_ip_hourly r JOIN ip_address a ON a.ip = r.source_ip
     WHERE a.country_code IS NOT NULL AND r.hour < $2
     GROUP BY a.country_code HAVING count(*) FILTER (WHERE ${inRange}) > 0
     ORDER BY events DESC`,
    [range.from, range.to],
  );
  return rows;
}
