import type { FindingStatus } from '@/lib/findings/status';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Severity } from '@/lib/severity';
import type { FindingRow } from './types';

// The one projection the feed and the detail page share.
export const FINDING_COLUMNS = Prisma.sql`
  f.id::text AS id, f.rule_id, f.severity, f.title, f.summary, f.account_id, f.principal_id::text AS principal_id,
  f.principal_key, p.name AS principal_name, p.principal_type, p.arn AS principal_arn, f.region, f.first_seen,
  f.last_seen, f.event_count, f.status, f.assignee_id::text AS assignee_id, u.email AS assignee_email,
  f.created_at, f.updated_at`;

export const FINDING_FROM = Prisma.sql`finding f
  LEFT JOIN principal p ON p.id = f.principal_id
  LEFT JOIN app_user u ON u.id = f.assignee_id`;

export interface RawFindingRow {
  id: string;
  rule_id: string;
  severity: string;
  title: string;
  summary: string;
  account_id: string;
  principal_id: string | null;
  principal_key: string;
  principal_name: string | null;
  principal_type: string | null;
  principal_arn: string | null;
  region: string | null;
  first_seen: Date;
  last_seen: Date;
  event_count: number;
  status: string;
  assignee_id: string | null;
  assignee_email: string | null;
  created_at: Date;
  updated_at: Date;
}

export function toFindingRow(row: RawFindingRow): FindingRow {
  return {
    id: row.id,
    ruleId: row.rule_id,
    severity: row.severity as Severity,
    title: row.title,
    summary: row.summary,
    accountId: row.account_id,
    principalId: row.principal_id,
    principalKey: row.principal_key,
    principalName: row.principal_name,
    principalType: row.principal_type,
    region: row.region,
    firstSeen: row.first_seen.toISOString(),
    lastSeen: row.last_seen.toISOString(),
    eventCount: row.event_count,
    status: row.status as FindingStatus,
    assigneeId: row.assignee_id,
    assigneeEmail: row.assignee_email,
  };
}
