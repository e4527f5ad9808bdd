import type { Severity } from '@/lib/severity';
import type { Db } from './db';

export interface PrincipalFinding {
  id: string;
  ruleId: string;
  severity: Severity;
  title: string;
  summary: string;
  status: string;
  firstSeen: Date;
  lastSeen: Date;
  eventCount: number;
}

/** The findings about one principal, most severe and most recent first (finding_principal_idx). */
export async function getPrincipalFindings(
  db: Db,
  principalId: string,
  limit = 50,
): Promise<PrincipalFinding[]> {
  const { rows } = await db.query<PrincipalFinding>(
    `SELECT f.id::text AS id, f.rule_id AS "ruleId", f.severity, f.title, f.summary, f.status,
            f.first_seen AS "firstSeen", f.last_seen AS "lastSeen", f.event_count AS "eventCount"
       FROM finding f
      WHERE f.principal_id = $1
      ORDER BY array_position(ARRAY['critical', 'high', 'medium', 'low', 'info'], f.severity),
               f.last_seen DESC
      LIMIT $2`,
    [principalId, limit],
  );
  return rows;
}
