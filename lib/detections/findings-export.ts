// The findings as `trailhound findings --json` prints them: a public interface for automation, so
// the field names are fixed (README, CLI section). eventIds are the CloudTrail eventIDs of the
// evidence, in event-time order.

import type pg from 'pg';
import type { Severity } from '@/lib/severity';

export interface ExportedFinding {
  id: string;
  ruleId: string;
  title: string;
  severity: Severity;
  // The principal's ARN when known, else its display name, else the key the finding is filed under.
  principal: string;
  accountId: string;
  firstSeen: string;
  lastSeen: string;
  eventCount: number;
  eventIds: string[];
}

export async function exportFindings(db: pg.Pool | pg.ClientBase): Promise<ExportedFinding[]> {
  const { rows } = await db.query<{
    id: string;
    rule_id: string;
    title: string;
    severity: Severity;
    principal: string;
    account_id: string;
    first_seen: Date;
    last_seen: Date;
    event_count: number;
    event_ids: string[];
  }>(
    `SELECT f.id::text, f.rule_id, f.title, f.severity, COALESCE(p.arn, p.name, f.principal_key) AS principal,
       f.account_id, f.first_seen, f.last_seen, f.event_count,
       COALESCE((SELECT array_agg(fe.event_id ORDER BY fe.event_time, fe.event_id)
                 FROM finding_event fe WHERE fe.finding_id = f.id), '{}') AS event_ids
     FROM finding f LEFT JOIN principal p ON p.id = f.principal_id
     ORDER BY f.first_seen, f.id`,
  );
  return rows.map((row) => ({
    id: row.id,
    ruleId: row.rule_id,
    title: row.title,
    severity: row.severity,
    principal: row.principal,
    accountId: row.account_id,
    firstSeen: row.first_seen.toISOString(),
    lastSeen: row.last_seen.toISOString(),
    eventCount: row.event_count,
    eventIds: row.event_ids,
  }));
}
