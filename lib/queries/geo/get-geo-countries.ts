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

const IN_RANGE = 'r.hour >= $1';

/**
 * Countries with events in the range. The scan starts at the data's first hour, not the range's,
 * so that each country also gets the first time it was ever seen: a country new in the range
 * stands out. Distinct principals are counted in two steps (see geo-measures.ts).
 */
export async function getGeoCountries(range: TimeRange, db: pg.Pool = getPool()): Promise<GeoCountry[]> {
  const { rows } = await db.query<GeoCountry>(
    `WITH p AS (
       SELECT a.country_code AS code, r.principal_id, max(a.country) AS name, min(r.hour) AS first_ever,
              sum(r.events) FILTER (WHERE ${IN_RANGE}) AS events,
              sum(r.errors) FILTER (WHERE ${IN_RANGE}) AS errors,
              sum(r.events) FILTER (WHERE ${IN_RANGE} AND a.network IS NOT NULL) AS cloud_events,
              min(r.hour) FILTER (WHERE ${IN_RANGE}) AS first_hour,
              max(r.hour) FILTER (WHERE ${IN_RANGE}) AS last_hour,
              sum(a.latitude * r.events) FILTER (WHERE ${IN_RANGE}) AS lat_sum,
              sum(a.longitude * r.events) FILTER (WHERE ${IN_RANGE}) AS lon_sum
       FROM rollup_ip_hourly r JOIN ip_address a ON a.ip = r.source_ip
       WHERE a.country_code IS NOT NULL AND r.hour < $2
       GROUP BY a.country_code, r.principal_id)
     SELECT code, max(name) AS name, min(first_ever) AS "firstEver",
            sum(events)::int AS events, sum(errors)::int AS errors,
            (count(*) FILTER (WHERE events > 0))::int AS principals,
            min(first_hour) AS "firstSeen", max(last_hour) + interval '1 hour' AS "lastSeen",
            coalesce(sum(cloud_events), 0)::int AS "cloudEvents",
            sum(lat_sum) / nullif(sum(events), 0) AS latitude, sum(lon_sum) / nullif(sum(events), 0) AS longitude
     FROM p GROUP BY code HAVING sum(events) > 0
     ORDER BY events DESC`,
    [range.from, range.to],
  );
  return rows;
}
