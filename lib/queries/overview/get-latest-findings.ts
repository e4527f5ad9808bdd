import type pg from 'pg';
import { getPool } from '@/lib/db/pg-pool';
import type { TimeRange } from '@/lib/overview/time-range';
import type { Severity } from '@/lib/severity';
import { FINDING_OVERLAPS } from './get-overview-kpis';

export interface LatestFinding {
  id: string;
  ruleId: string;
  severity: Severity;
  title: string;
  accountId: string;
  principalId: string | null;
  principalName: string | null;
  lastSeen: Date;
  eventCount: number;
  status: string;
}

/** The most recent findings of the range (finding_last_seen_idx), any status. */
export async function getLatestFindings(
  range: TimeRange,
  limit = 8,
  db: pg.Pool = getPool(),
): Promise<LatestFinding[]> {
  const { rows } = await db.query<LatestFinding>(
    `SELECT f.id::text AS id, f.rule_id AS "ruleId", f.severity, f.title, f.account_id AS "accountId",
            f.principal_id::text AS "principalId", p.name AS "principalName", f.last_seen AS "lastSeen",
            f.event_count AS "eventCount", f.status
     FROM finding f LEFT JOIN principal p ON p.id = f.principal_id
     WHERE ${FINDING_OVERLAPS} ORDER BY f.last_seen DESC, f.id DESC LIMIT $3`,
    [range.from, range.to, limit],
  );
  return rows;
}
