import type pg from 'pg';
import { getPool } from '@/lib/db/pg-pool';
import type { TimeRange } from '@/lib/overview/time-range';
import { listPrincipalsByRisk } from '@/lib/scores';
import type { Severity } from '@/lib/severity';
import { FINDING_OVERLAPS } from './get-overview-kpis';

const LIMIT = 8;

export interface TopPrincipal {
  principalId: string;
  accountId: string;
  name: string;
  principalType: string;
  /** 0-100 when scores exist. */
  riskScore: number | null;
  learning: boolean;
  events: number;
  errors: number;
  openFindings: number;
  topSeverity: Severity | null;
}

export interface TopPrincipals {
  /** 'risk': ranked by the stored risk scores; 'activity': no scores yet, ranked by findings then events. */
  rankedBy: 'risk' | 'activity';
  rows: TopPrincipal[];
}

interface ActivityRow {
  principal_id: string;
  account_id: string;
  name: string;
  principal_type: string;
  events: number;
  errors: number;
  open_findings: number;
  top_severity: Severity | null;
}

// Per principal: events in the range and its open findings overlapping the range. `ids` narrows
// to given principals (the scored ones); without it, the most active and most flagged come first.
const ACTIVITY = `
  WITH volume AS (
    SELECT principal_id, sum(events)::int AS events, sum(errors)::int AS errors
    FROM rollup_principal_hourly WHERE hour >= $1 AND hour < $2
      AND ($3::bigint[] IS NULL OR principal_id = ANY($3))
    GROUP BY 1),
  flagged AS (
    SELECT f.principal_id, count(*)::int AS open_findings,
           (array_agg(f.severity ORDER BY array_position(ARRAY['critical','high','medium','low','info'], f.severity)))[1] AS top_severity
    FROM finding f WHERE f.status = 'open' AND ${FINDING_OVERLAPS} AND f.principal_id IS NOT NULL
      AND ($3::bigint[] IS NULL OR f.principal_id = ANY($3))
    GROUP BY 1)
  SELECT p.id::text AS principal_id, p.account_id, p.name, p.principal_type, v.events, v.errors,
         coalesce(fl.open_findings, 0) AS open_findings, fl.top_severity
  FROM volume v JOIN principal p ON p.id = v.principal_id LEFT JOIN flagged fl ON fl.principal_id = v.principal_id
  ORDER BY array_position(ARRAY['critical','high','medium','low','info'], fl.top_severity) NULLS LAST,
           open_findings DESC, v.events DESC, p.id
  LIMIT $4`;

function toTopPrincipal(row: ActivityRow, riskScore: number | null, learning: boolean): TopPrincipal {
  return {
    principalId: row.principal_id,
    accountId: row.account_id,
    name: row.name,
    principalType: row.principal_type,
    riskScore,
    learning,
    events: row.events,
    errors: row.errors,
    openFindings: row.open_findings,
    topSeverity: row.top_severity,
  };
}

/** Scores are computed after ingest by lib/scores; before the first run there is nothing to rank by. */
async function hasScores(db: pg.Pool): Promise<boolean> {
  const { rows } = await db.query<{ scored: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM principal_score) AS scored',
  );
  return rows[0]?.scored ?? false;
}

export async function getTopPrincipals(range: TimeRange, db: pg.Pool = getPool()): Promise<TopPrincipals> {
  const ranked = (await hasScores(db))
    ? ((await listPrincipalsByRisk({ window: range, limit: LIMIT }, db))?.rows.filter(
        (row) => row.riskScore > 0,
      ) ?? [])
    : [];
  if (ranked.length === 0) {
    const { rows } = await db.query<ActivityRow>(ACTIVITY, [range.from, range.to, null, LIMIT]);
    return { rankedBy: 'activity', rows: rows.map((row) => toTopPrincipal(row, null, false)) };
  }
  const { rows } = await db.query<ActivityRow>(ACTIVITY, [
    range.from,
    range.to,
    ranked.map((row) => row.principalId),
    LIMIT,
  ]);
  const activity = new Map(rows.map((row) => [row.principal_id, row]));
  return {
    rankedBy: 'risk',
    rows: ranked.map((score) => {
      const row = activity.get(score.principalId) ?? {
        principal_id: score.principalId,
        account_id: score.accountId,
        name: score.name,
        principal_type: score.principalType,
        events: 0,
        errors: 0,
        open_findings: 0,
        top_severity: null,
      };
      return toTopPrincipal(row, score.riskScore, score.learning);
    }),
  };
}
