// Set-based scoring of any window from the stored day features: per (principal, feature, item)
// the window keeps the day with the largest contribution, then combines them as composite.ts does.
// Used for the stored day scores (a window of one day) and for the pages' arbitrary windows.

import type pg from 'pg';
import {
  BASELINE_FREE_FEATURES,
  CORROBORATION,
  ESCALATION_MULTIPLIER,
  LEARNING_DAYS,
  MAX_FACTOR,
  NOT_ANOMALIES,
  UNCORROBORATED_CAP,
} from './composite';
import type { Contribution, PrincipalScore, ScoreWindow } from './types';

export interface WindowScoreQuery {
  window: ScoreWindow;
  accountId?: string;
  principalIds?: readonly string[];
  search?: string;
  learning?: boolean;
  limit?: number;
  offset?: number;
}

interface Row {
  principal_id: string;
  account_id: string;
  principal_key: string;
  principal_type: string;
  name: string;
  arn: string | null;
  score: number;
  history_days: number;
  learning: boolean;
  contributions: Contribution[] | null;
  total: string;
}

/** Whole UTC days covering the window: features are stored per day. */
export function windowDays(window: ScoreWindow): { firstDay: string; endDay: string } {
  const first = new Date(window.from);
  first.setUTCHours(0, 0, 0, 0);
  const end = new Date(window.to.getTime() - 1);
  end.setUTCHours(0, 0, 0, 0);
  end.setUTCDate(end.getUTCDate() + 1);
  return { firstDay: first.toISOString().slice(0, 10), endDay: end.toISOString().slice(0, 10) };
}

export async function scoreWindow(
  db: pg.Pool | pg.PoolClient,
  query: WindowScoreQuery,
): Promise<{
  total: number;
  rows: PrincipalScore[];
}> {
  const { firstDay, endDay } = windowDays(query.window);
  const params: unknown[] = [
    firstDay,
    endDay,
    MAX_FACTOR,
    ESCALATION_MULTIPLIER,
    LEARNING_DAYS,
    UNCORROBORATED_CAP,
    [...NOT_ANOMALIES],
    [...BASELINE_FREE_FEATURES],
    CORROBORATION,
  ];
  const where: string[] = [];
  if (query.accountId) {
    params.push(query.accountId);
    where.push(`pd.account_id = $${params.length}`);
  }
  if (query.principalIds) {
    params.push(query.principalIds);
    where.push(`pd.principal_id = ANY($${params.length}::bigint[])`);
  }
  const outer: string[] = [];
  if (query.search) {
    params.push(`%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const n = params.length;
    outer.push(`(p.name ILIKE $${n} OR p.principal_key ILIKE $${n} OR coalesce(p.arn, '') ILIKE $${n})`);
  }
  if (query.learning !== undefined) {
    params.push(query.learning);
    outer.push(`((s.history_days < $5::int) = $${params.length})`);
  }
  params.push(query.limit ?? 1000, query.offset ?? 0);
  const limitParam = params.length - 1;
  const offsetParam = params.length;
  const activeWhere = where.length ? `AND ${where.join(' AND ')}` : '';

  const { rows } = await db.query<Row>(
    `WITH active AS (
       SELECT pd.principal_id, min(pd.account_id) AS account_id
       FROM principal_day pd
       WHERE pd.day >= $1::date AND pd.day < $2::date ${activeWhere}
       GROUP BY pd.principal_id
     ), best AS (
       SELECT DISTINCT ON (f.principal_id, f.feature, f.item)
              f.principal_id, f.feature, f.item, f.value, f.weight, f.contribution, f.evidence
       FROM principal_day_feature f
       JOIN active a ON a.principal_id = f.principal_id
       WHERE f.day >= $1::date AND f.day < $2::date
       ORDER BY f.principal_id, f.feature, f.item, f.contribution DESC, f.day DESC
     ), combined AS (
       SELECT principal_id,
              1 - exp(sum(ln(1 - least(greatest(contribution, 0), $3::float8)))) AS risk,
              bool_or(coalesce((evidence ->> 'escalation')::boolean, false)) AS escalation,
              1 - exp(coalesce(sum(ln(1 - least(greatest(contribution, 0), $3::float8)))
                    FILTER (WHERE NOT feature = ANY($7::text[])), 0)) AS anomaly,
              1 - exp(coalesce(sum(ln(1 - least(greatest(contribution, 0), $3::float8)))
                    FILTER (WHERE feature = ANY($8::text[])), 0)) AS baseline_free,
              jsonb_agg(jsonb_build_object('feature', feature, 'item', item, 'value', value,
                          'weight', weight, 'contribution', contribution, 'evidence', evidence)
                        ORDER BY contribution DESC, feature, item) AS contributions
       FROM best GROUP BY principal_id
     ), raw AS (
       SELECT a.principal_id, a.account_id,
              least(100, 100 * coalesce(c.risk, 0) * CASE WHEN c.escalation THEN $4::float8 ELSE 1 END) AS risk,
              coalesce(c.anomaly, 0) AS anomaly, coalesce(c.baseline_free, 0) AS baseline_free,
              ($2::date - 1) - (SELECT min(h.day) FROM principal_day h WHERE h.principal_id = a.principal_id)
                AS history_days,
              c.contributions
       FROM active a LEFT JOIN combined c ON c.principal_id = a.principal_id
     ), scored AS (
       SELECT r.*,
              round((CASE WHEN (CASE WHEN r.history_days < $5::int THEN r.baseline_free ELSE r.anomaly END) >= $9::float8
                          THEN r.risk ELSE least(r.risk, $6::float8) END)::numeric, 1)::float8 AS score
       FROM raw r
     )
     SELECT s.principal_id::text, s.account_id, p.principal_key, p.principal_type, p.name, p.arn,
            s.score, s.history_days, s.history_days < $5::int AS learning, s.contributions,
            count(*) OVER () AS total
     FROM scored s JOIN principal p ON p.id = s.principal_id
     ${outer.length ? `WHERE ${outer.join(' AND ')}` : ''}
     ORDER BY s.score DESC, p.name, s.principal_id
     LIMIT $${limitParam} OFFSET $${offsetParam}`,
    params,
  );
  return {
    total: rows.length > 0 ? Number(rows[0]?.total) : 0,
    rows: rows.map((row) => toPrincipalScore(row, query.window)),
  };
}

function toPrincipalScore(row: Row, window: ScoreWindow): PrincipalScore {
  return {
    principalId: row.principal_id,
    accountId: row.account_id,
    principalKey: row.principal_key,
    principalType: row.principal_type,
    name: row.name,
    arn: row.arn,
    window,
    riskScore: row.score,
    learning: row.learning,
    historyDays: row.history_days,
    contributions: (row.contributions ?? []).map(({ item, ...rest }) => (item ? { ...rest, item } : rest)),
  };
}
