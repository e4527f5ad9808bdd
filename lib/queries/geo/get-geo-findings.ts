import type pg from 'pg';
import { getPool } from '@/lib/db/pg-pool';
import type { TimeRange } from '@/lib/overview/time-range';
import type { Severity } from '@/lib/severity';

export interface GeoFindingLink {
  ip: string;
  countryCode: string | null;
  asn: number | null;
  findingId: string;
  severity: Severity;
}

/**
 * Which findings have evidence from which source address in the range. Findings are few next to
 * events, so the pairs are read as they are and counted per country, network and address in JS.
 */
export async function getGeoFindings(range: TimeRange, db: pg.Pool = getPool()): Promise<GeoFindingLink[]> {
  const { rows } = await db.query<GeoFindingLink>(
    `SELECT DISTINCT host(e.source_ip) AS ip, a.country_code AS "countryCode", a.asn,
            f.id::text AS "findingId", f.severity
     FROM finding_event fe
     JOIN finding f ON f.id = fe.finding_id
     JOIN event e ON e.account_id = fe.account_id AND e.event_id = fe.event_id AND e.event_time = fe.event_time
     JOIN ip_address a ON a.ip = e.source_ip
     WHERE fe.event_time >= $1 AND fe.event_time < $2`,
    [range.from, range.to],
  );
  return rows;
}
