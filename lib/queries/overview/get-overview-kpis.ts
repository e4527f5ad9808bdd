import type pg from 'pg';
import { getPool } from '@/lib/db/pg-pool';
import type { TimeRange } from '@/lib/overview/time-range';
import { SEVERITIES, type Severity } from '@/lib/severity';

export interface OverviewKpis {
  events: number;
  errors: number;
  accessDenied: number;
  principals: number;
  accounts: number;
  openFindings: Record<Severity, number>;
}

/** Findings whose window overlaps the range: the range's own rows, whatever their status. */
// Distinct counts group first (a hash aggregate) and count the groups: count(DISTINCT) would sort
// every row, by text under the database collation for account ids.

export const FINDING_OVERLAPS = 'f.last_seen >= $1 AND f.first_seen < $2';

export async function getOverviewKpis(range: TimeRange, db: pg.Pool = getPool()): Promise<OverviewKpis> {
  const params = [range.from, range.to];
  const [volume, principals, findings] = await Promise.all([
    db.query<{ events: number; errors: number; denied: number; accounts: number }>(
      `SELECT coalesce(sum(events), 0)::int AS events, coalesce(sum(errors), 0)::int AS errors,
              coalesce(sum(access_denied), 0)::int AS denied, count(*)::int AS accounts
       FROM (SELECT account_id, sum(events) AS events, sum(errors) AS errors, sum(access_denied) AS access_denied
             FROM rollup_service_hourly WHERE hour >= $1 AND hour < $2 GROUP BY 1) per_account`,
      params,
    ),
    db.query<{ principals: number }>(
      `SELECT count(*)::int AS principals
       FROM (SELECT principal_id FROM rollup_principal_hourly WHERE hour >= $1 AND hour < $2 GROUP BY 1) active`,
      params,
    ),
    db.query<{ severity: Severity; n: number }>(
      `SELECT f.severity, count(*)::int AS n FROM finding f
       WHERE f.status = 'open' AND ${FINDING_OVERLAPS} GROUP BY 1`,
      params,
    ),
  ]);
  const openFindings = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const row of findings.rows) openFindings[row.severity] = row.n;
  const totals = volume.rows[0] ?? { events: 0, errors: 0, denied: 0, accounts: 0 };
  return {
    events: totals.events,
    errors: totals.errors,
    accessDenied: totals.denied,
    accounts: totals.accounts,
    principals: principals.rows[0]?.principals ?? 0,
    openFindings,
  };
}
