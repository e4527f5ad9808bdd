import type { FeedQuery, FeedSort } from '@/lib/findings/feed-query';
import { ruleIdsForTactic } from '@/lib/findings/rule-info';
import { Prisma } from '@/lib/generated/prisma/client';

// Critical first when sorting "by severity" descending; text order would put "medium" above "high".
export const SEVERITY_RANK = Prisma.sql`CASE f.severity WHEN 'critical' THEN 5 WHEN 'high' THEN 4
  WHEN 'medium' THEN 3 WHEN 'low' THEN 2 ELSE 1 END`;

// Fixed fragments only: the URL picks a key, never a column name.
const SORT_COLUMNS: Record<FeedSort, Prisma.Sql> = {
  lastSeen: Prisma.sql`f.last_seen`,
  firstSeen: Prisma.sql`f.first_seen`,
  severity: SEVERITY_RANK,
  eventCount: Prisma.sql`f.event_count`,
  rule: Prisma.sql`f.rule_id`,
  status: Prisma.sql`f.status`,
};

export function feedOrderBy(query: FeedQuery): Prisma.Sql {
  const dir = query.dir === 'asc' ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  // Ties fall back to newest first and then id, so paging is stable.
  return Prisma.sql`ORDER BY ${SORT_COLUMNS[query.sort]} ${dir}, f.last_seen DESC, f.id DESC`;
}

/**
 * The WHERE clause of the feed's filters over `finding f`. A facet's own counts leave its filter
 * out (`except`), so the severity bar still shows how many highs there are while "critical" is picked.
 * A finding matches a time range when its window overlaps it.
 */
export function feedWhere(query: FeedQuery, except?: 'severity' | 'tactic'): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (except !== 'severity' && query.severities.length) {
    conditions.push(Prisma.sql`f.severity = ANY(${query.severities}::text[])`);
  }
  if (query.statuses.length) conditions.push(Prisma.sql`f.status = ANY(${query.statuses}::text[])`);
  if (query.rule) conditions.push(Prisma.sql`f.rule_id = ${query.rule}`);
  if (except !== 'tactic' && query.tactic) {
    conditions.push(Prisma.sql`f.rule_id = ANY(${ruleIdsForTactic(query.tactic)}::text[])`);
  }
  if (query.account) conditions.push(Prisma.sql`f.account_id = ${query.account}`);
  if (query.principal) conditions.push(Prisma.sql`f.principal_id = ${BigInt(query.principal)}`);
  if (query.assignee === 'none') conditions.push(Prisma.sql`f.assignee_id IS NULL`);
  else if (query.assignee) conditions.push(Prisma.sql`f.assignee_id = ${query.assignee}::uuid`);
  if (query.from) conditions.push(Prisma.sql`f.last_seen >= ${query.from}`);
  if (query.to) conditions.push(Prisma.sql`f.first_seen <= ${query.to}`);
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
}
