import type { Severity } from '@/lib/severity';
import type { Db } from '../principals/db';

export interface AccountRow {
  accountId: string;
  principals: number;
  firstEvent: Date | null;
  lastEvent: Date | null;
  openBySeverity: Record<Severity, number>;
}

/** Every AWS account with events: its span (two probes of event_account_time_idx) and open findings. */
export async function getAccounts(db: Db): Promise<AccountRow[]> {
  const { rows } = await db.query<
    Omit<AccountRow, 'openBySeverity'> & { open: Record<string, number> | null }
  >(
    `SELECT a.account_id AS "accountId", a.principals,
            (SELECT min(event_time) FROM event WHERE account_id = a.account_id) AS "firstEvent",
            (SELECT max(event_time) FROM event WHERE account_id = a.account_id) AS "lastEvent",
            (SELECT jsonb_object_agg(severity, n) FROM (
               SELECT severity, count(*)::int AS n FROM finding
                WHERE account_id = a.account_id AND status IN ('open', 'acknowledged') GROUP BY 1) s) AS open
       FROM (SELECT account_id, count(*)::int AS principals FROM principal GROUP BY 1) a
      ORDER BY a.account_id`,
  );
  return rows
    .filter((row) => row.lastEvent !== null)
    .map(({ open, ...row }) => ({
      ...row,
      openBySeverity: { critical: 0, high: 0, medium: 0, low: 0, info: 0, ...(open ?? {}) },
    }));
}

/** When an account's calls in the trails end: the summary's 30 days run up to this. */
export async function getAccountSpan(db: Db, accountId: string): Promise<{ first: Date; last: Date } | null> {
  const { rows } = await db.query<{ first: Date | null; last: Date | null }>(
    `SELECT (SELECT min(event_time) FROM event WHERE account_id = $1) AS first,
            (SELECT max(event_time) FROM event WHERE account_id = $1) AS last`,
    [accountId],
  );
  const row = rows[0];
  return row?.first && row.last ? { first: row.first, last: row.last } : null;
}
