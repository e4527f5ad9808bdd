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
 * The evidence rows carry their event's address (0016), and are folded to distinct (finding,
 * address) pairs before the finding and the address are looked up.
 */
export async function getGeoFindings(range: TimeRange, db: pg.Pool = getPool()): Promise<GeoFindingLink[]> {
  const { rows } = await db.query<GeoFindingLink>(
    `WITH pairs AS (
       SELECT DISTINCT fe.finding_id, fe.source_ip FROM finding_event fe
       WHERE fe.event_time >= $1 AND fe.event_time < $2 AND fe.source_ip IS NOT NULL)
     SELECT host(p.source_ip) AS ip, a.country_code AS "countryCode", a.asn,
            f.id::text AS "findingId", f.severity
     FROM pairs p
     JOIN finding f ON f.id = p.finding_id
     JOIN ip_address a ON a.ip = p.source_ip`,
    [range.from, range.to],
  );
  return rows;
}
