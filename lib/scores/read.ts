// The typed read API the principal and account pages, the CLI and tests use. Scores come from
// the stored day features (lib/scores/compute.ts fills them after each ingest).

import type pg from 'pg';
import { getPool } from '../db/pg-pool';
import { SEVERITIES, type Severity } from '../severity';
import { accountRisk, LEARNING_DAYS } from './composite';
import { readPostureSignals } from './posture';
import type {
  AccountRisk,
  DailyScore,
  PrincipalRiskFilter,
  PrincipalRiskList,
  PrincipalScore,
  ScoreWindow,
} from './types';
import { scoreWindow } from './window-scores';

const DAY_MS = 86_400_000;
/** Without a window, pages and the CLI score the last 7 days that have events. */
export const DEFAULT_WINDOW_DAYS = 7;

/** The last DEFAULT_WINDOW_DAYS days up to the latest day with activity (null: nothing scored). */
export async function getDefaultScoreWindow(db: pg.Pool = getPool()): Promise<ScoreWindow | null> {
  const { rows } = await db.query<{ last: string | null }>(
    `SELECT to_char(max(day), 'YYYY-MM-DD') AS last FROM principal_day`,
  );
  const last = rows[0]?.last;
  if (!last) return null;
  const to = new Date(Date.parse(`${last}T00:00:00Z`) + DAY_MS);
  return { from: new Date(to.getTime() - DEFAULT_WINDOW_DAYS * DAY_MS), to };
}

async function resolveWindow(db: pg.Pool, window?: ScoreWindow): Promise<ScoreWindow | null> {
  return window ?? (await getDefaultScoreWindow(db));
}

/** One principal's score over the window, with its contributions (null: no activity in it). */
export async function getPrincipalScore(
  principalId: string | bigint,
  window?: ScoreWindow,
  db: pg.Pool = getPool(),
): Promise<PrincipalScore | null> {
  const resolved = await resolveWindow(db, window);
  if (!resolved) return null;
  const { rows } = await scoreWindow(db, { window: resolved, principalIds: [String(principalId)] });
  return rows[0] ?? null;
}

/** The stored per-day scores of one principal in the window (days with activity only). */
export async function getPrincipalDailyScores(
  principalId: string | bigint,
  window: ScoreWindow,
  db: pg.Pool = getPool(),
): Promise<DailyScore[]> {
  const { rows } = await db.query<{ day: string; score: number; learning: boolean }>(
    `SELECT to_char(window_start AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, score, learning
     FROM principal_score
     WHERE principal_id = $1 AND granularity = 'day' AND window_start >= $2 AND window_start < $3
     ORDER BY window_start`,
    [String(principalId), dayStart(window.from), window.to],
  );
  return rows.map((row) => ({ day: row.day, riskScore: row.score, learning: row.learning }));
}

/** Principals active in the window, riskiest first. */
export async function listPrincipalsByRisk(
  filter: PrincipalRiskFilter = {},
  db: pg.Pool = getPool(),
): Promise<PrincipalRiskList | null> {
  const window = await resolveWindow(db, filter.window);
  if (!window) return null;
  const { total, rows } = await scoreWindow(db, { ...filter, window });
  return { window, total, rows };
}

/** The ranking of one UTC day, from the stored day scores (what the quality tests check). */
export async function listDayRanking(
  day: string,
  db: pg.Pool = getPool(),
): Promise<{ principalId: string; accountId: string; riskScore: number; learning: boolean }[]> {
  const { rows } = await db.query<{
    principal_id: string;
    account_id: string;
    score: number;
    learning: boolean;
  }>(
    `SELECT principal_id::text, account_id, score, learning FROM principal_score
     WHERE granularity = 'day' AND window_start = $1::date::timestamp AT TIME ZONE 'UTC'
     ORDER BY score DESC, principal_id`,
    [day],
  );
  return rows.map((r) => ({
    principalId: r.principal_id,
    accountId: r.account_id,
    riskScore: r.score,
    learning: r.learning,
  }));
}

/** AWS accounts with activity in the window, riskiest first (for an index of summaries). */
export async function listAccountRisks(
  window?: ScoreWindow,
  db: pg.Pool = getPool(),
): Promise<{ accountId: string; riskScore: number; principals: number }[]> {
  const resolved = await resolveWindow(db, window);
  if (!resolved) return [];
  const { rows } = await scoreWindow(db, { window: resolved, limit: 100_000 });
  const byAccount = new Map<string, number[]>();
  for (const row of rows) {
    const list = byAccount.get(row.accountId) ?? [];
    list.push(row.riskScore);
    byAccount.set(row.accountId, list);
  }
  return [...byAccount.entries()]
    .map(([accountId, scores]) => ({ accountId, riskScore: accountRisk(scores), principals: scores.length }))
    .sort((a, b) => b.riskScore - a.riskScore || a.accountId.localeCompare(b.accountId));
}

const TOP_PRINCIPALS = 5;

/** The manager's summary of one AWS account (null: the account has no scored activity). */
export async function getAccountRisk(
  accountId: string,
  window?: ScoreWindow,
  db: pg.Pool = getPool(),
): Promise<AccountRisk | null> {
  const resolved = await resolveWindow(db, window);
  if (!resolved) return null;
  const [ranked, learningCount, trend30, findings, posture, regions] = await Promise.all([
    scoreWindow(db, { window: resolved, accountId, limit: TOP_PRINCIPALS }),
    countLearning(db, accountId, resolved),
    accountTrend(db, accountId, resolved.to, 30),
    openFindingsBySeverity(db, accountId),
    readPostureSignals(db, accountId, resolved),
    regionsInUse(db, accountId, resolved),
  ]);
  if (ranked.total === 0 && trend30.every((d) => d.riskScore === 0)) return null;
  return {
    accountId,
    window: resolved,
    riskScore: accountRisk(ranked.rows.map((r) => r.riskScore)),
    trend7: trend30.slice(-7),
    trend30,
    topPrincipals: ranked.rows,
    openFindingsBySeverity: findings,
    posture,
    regions,
    principalsTotal: ranked.total,
    principalsLearning: learningCount,
  };
}

function dayStart(date: Date): Date {
  const d = new Date(date);
  d.setUTCHours(0, 0, 0, 0);
  return d;
}

/** Account risk per day over `days` days ending at `to`, from the stored day scores. */
async function accountTrend(db: pg.Pool, accountId: string, to: Date, days: number): Promise<DailyScore[]> {
  const end = dayStart(new Date(to.getTime() - 1));
  const start = new Date(end.getTime() - (days - 1) * DAY_MS);
  const { rows } = await db.query<{ day: string; scores: number[] }>(
    `SELECT to_char(window_start AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
            (array_agg(score ORDER BY score DESC))[1:3] AS scores
     FROM principal_score
     WHERE account_id = $1 AND granularity = 'day' AND window_start >= $2 AND window_start <= $3
     GROUP BY window_start`,
    [accountId, start, end],
  );
  const byDay = new Map(rows.map((r) => [r.day, r.scores]));
  const out: DailyScore[] = [];
  for (let t = start.getTime(); t <= end.getTime(); t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    out.push({ day, riskScore: accountRisk(byDay.get(day) ?? []), learning: false });
  }
  return out;
}

async function countLearning(db: pg.Pool, accountId: string, window: ScoreWindow): Promise<number> {
  const { rows } = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM (
       SELECT principal_id FROM principal_day WHERE account_id = $1
       GROUP BY principal_id
       HAVING bool_or(day >= ($2::timestamptz AT TIME ZONE 'UTC')::date AND day < $3::timestamptz)
          AND (($3::timestamptz - interval '1 millisecond') AT TIME ZONE 'UTC')::date - min(day) < $4
     ) learning`,
    [accountId, window.from, window.to, LEARNING_DAYS],
  );
  return Number(rows[0]?.n ?? 0);
}

async function openFindingsBySeverity(db: pg.Pool, accountId: string): Promise<Record<Severity, number>> {
  const { rows } = await db.query<{ severity: Severity; n: string }>(
    `SELECT severity, count(*) AS n FROM finding WHERE account_id = $1 AND status = 'open' GROUP BY severity`,
    [accountId],
  );
  const out = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const row of rows) out[row.severity] = Number(row.n);
  return out;
}

async function regionsInUse(
  db: pg.Pool,
  accountId: string,
  window: ScoreWindow,
): Promise<{ region: string; events: number }[]> {
  const { rows } = await db.query<{ region: string; events: string }>(
    `SELECT value AS region, sum(calls) AS events FROM principal_day_item
     WHERE account_id = $1 AND kind = 'region'
       AND day >= ($2::timestamptz AT TIME ZONE 'UTC')::date AND day < $3::timestamptz
     GROUP BY value ORDER BY sum(calls) DESC, value`,
    [accountId, window.from, window.to],
  );
  return rows.map((r) => ({ region: r.region, events: Number(r.events) }));
}
