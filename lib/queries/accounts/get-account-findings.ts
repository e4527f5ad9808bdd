import type { Severity } from '@/lib/severity';
import type { Db } from '../principals/db';

export interface AccountFindingCounts {
  bySeverity: Record<Severity, number>;
  total: number;
}

export interface RiskyPrincipal {
  principalId: string;
  name: string;
  principalType: string;
  openFindings: number;
  topSeverity: Severity;
  lastSeen: Date;
  /** Titles of its most severe open findings, for the plain-language "why". */
  titles: string[];
}

const OPEN = `status IN ('open', 'acknowledged')`;
const SEVERITY_RANK = `array_position(ARRAY['critical','high','medium','low','info'], severity)`;

/** Open (and acknowledged, not yet closed) findings of one account by severity (finding_account_idx). */
export async function getAccountFindingCounts(db: Db, accountId: string): Promise<AccountFindingCounts> {
  const { rows } = await db.query<{ severity: Severity; n: number }>(
    `SELECT severity, count(*)::int AS n FROM finding WHERE account_id = $1 AND ${OPEN} GROUP BY 1`,
    [accountId],
  );
  const bySeverity: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const row of rows) bySeverity[row.severity] = row.n;
  return { bySeverity, total: rows.reduce((sum, row) => sum + row.n, 0) };
}

/** The principals with the most severe open findings, a fallback ranking until scores exist. */
export async function getPrincipalsByFindings(
  db: Db,
  accountId: string,
  limit = 5,
): Promise<RiskyPrincipal[]> {
  const { rows } = await db.query<RiskyPrincipal>(
    `SELECT f.principal_id::text AS "principalId", p.name, p.principal_type AS "principalType",
            count(*)::int AS "openFindings",
            (array_agg(f.severity ORDER BY ${SEVERITY_RANK}))[1] AS "topSeverity",
            max(f.last_seen) AS "lastSeen",
            (array_agg(DISTINCT f.title))[1:3] AS titles
       FROM finding f JOIN principal p ON p.id = f.principal_id
      WHERE f.account_id = $1 AND f.${OPEN}
      GROUP BY f.principal_id, p.name, p.principal_type
      ORDER BY min(${SEVERITY_RANK.replace('severity', 'f.severity')}), count(*) DESC, max(f.last_seen) DESC
      LIMIT $2`,
    [accountId, limit],
  );
  return rows;
}
