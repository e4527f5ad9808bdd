import type pg from 'pg';
import { getPool } from '@/lib/db/pg-pool';
import type { TimeRange } from '@/lib/overview/time-range';
import { FINDING_OVERLAPS } from './get-overview-kpis';

export interface AccountSummary {
  accountId: string;
  events: number;
  errors: number;
  principals: number;
  openFindings: number;
  openHighOrCritical: number;
}

export async function getAccountsSummary(
  range: TimeRange,
  db: pg.Pool = getPool(),
): Promise<AccountSummary[]> {
  const { rows } = await db.query<AccountSummary>(
    `WITH volume AS (
       SELECT account_id, sum(events)::int AS events, sum(errors)::int AS errors, count(*)::int AS principals
       FROM (SELECT account_id, principal_id, sum(events) AS events, sum(errors) AS errors
             FROM rollup_principal_hourly WHERE hour >= $1 AND hour < $2 GROUP BY 1, 2) per_principal
       GROUP BY 1),
     flagged AS (
       SELECT f.account_id, count(*)::int AS open_findings,
              (count(*) FILTER (WHERE f.severity IN ('high', 'critical')))::int AS open_high
       FROM finding f WHERE f.status = 'open' AND ${FINDING_OVERLAPS} GROUP BY 1)
     SELECT v.account_id AS "accountId", v.events, v.errors, v.principals,
            coalesce(fl.open_findings, 0) AS "openFindings", coalesce(fl.open_high, 0) AS "openHighOrCritical"
     FROM volume v LEFT JOIN flagged fl USING (account_id)
     ORDER BY "openHighOrCritical" DESC, "openFindings" DESC, v.events DESC`,
    [range.from, range.to],
  );
  return rows;
}
