import type { Db } from './db';

export const PRINCIPAL_SORTS = ['risk', 'activity', 'recent', 'name'] as const;
export type PrincipalSort = (typeof PRINCIPAL_SORTS)[number];

/** Principals with less history than this are "learning": their baseline is too short to alarm on. */
export const LEARNING_DAYS = 14;

export interface PrincipalListQuery {
  q?: string;
  account?: string;
  type?: string;
  sort: PrincipalSort;
  page: number;
  pageSize: number;
  /** Stored risk scores (lib/scores) of the principals that have one, to sort and show. */
  riskScores?: Map<string, number>;
}

export interface PrincipalListRow {
  id: string;
  accountId: string;
  principalType: string;
  name: string;
  arn: string | null;
  events: number;
  firstSeen: Date | null;
  lastSeen: Date | null;
  learning: boolean;
  openFindings: number;
  /** The highest severity among open findings, or null. */
  topSeverity: string | null;
  riskScore: number | null;
}

export interface PrincipalListPage {
  rows: PrincipalListRow[];
  total: number;
}

const ACCESS_KEY_RE = /^(?:AKIA|ASIA|AIDA|AROA|ABIA|ACCA)[A-Z0-9]{12,}$/;

const ORDER: Record<PrincipalSort, string> = {
  // Scored principals first; the unscored (no activity in the score window) by their worst open
  // finding, then by activity.
  risk: `s.score DESC NULLS LAST, array_position(ARRAY['critical','high','medium','low','info'], f.top_severity) NULLS LAST,
         f.open_findings DESC NULLS LAST, a.events DESC`,
  activity: 'a.events DESC',
  recent: 'a.last_seen DESC NULLS LAST',
  name: 'p.name ASC',
};

/**
 * The principals list: filtered on the small principal table first, then each remaining row's
 * activity read from event_principal_time_idx (an index-only range per principal).
 */
export async function getPrincipals(db: Db, query: PrincipalListQuery): Promise<PrincipalListPage> {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  const q = query.q?.trim();
  if (q) {
    if (ACCESS_KEY_RE.test(q)) {
      // A key id names no principal column: the principals that signed calls with it.
      add((n) => `p.id IN (SELECT DISTINCT principal_id FROM event WHERE access_key_id = ${n})`, q);
    } else {
      add(
        (n) => `(p.name ILIKE ${n} OR p.arn ILIKE ${n} OR p.principal_key ILIKE ${n})`,
        `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      );
    }
  }
  if (query.account) add((n) => `p.account_id = ${n}`, query.account);
  if (query.type) add((n) => `p.principal_type = ${n}`, query.type);
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';

  const scores = query.riskScores ?? new Map<string, number>();
  params.push(
    query.pageSize,
    (query.page - 1) * query.pageSize,
    LEARNING_DAYS,
    [...scores.keys()],
    [...scores.values()],
  );
  const [limitN, offsetN, learningN, idsN, scoresN] = [4, 3, 2, 1, 0].map((back) => params.length - back);
  const { rows } = await db.query<PrincipalListRow & { total: number }>(
    `WITH filtered AS (SELECT p.* FROM principal p ${filter}),
     account_end AS (
       SELECT acc.account_id, (SELECT max(event_time) FROM event WHERE account_id = acc.account_id) AS last_event
         FROM (SELECT DISTINCT account_id FROM filtered) acc
     )
     SELECT p.id::text AS id, p.account_id AS "accountId", p.principal_type AS "principalType", p.name, p.arn,
            a.events, a.first_seen AS "firstSeen", a.last_seen AS "lastSeen",
            (ae.last_event - a.first_seen) < make_interval(days => $${learningN}) AS learning,
            coalesce(f.open_findings, 0)::int AS "openFindings", f.top_severity AS "topSeverity",
            s.score AS "riskScore", count(*) OVER ()::int AS total
       FROM filtered p
       JOIN account_end ae ON ae.account_id = p.account_id
       CROSS JOIN LATERAL (
         SELECT count(*)::int AS events, min(event_time) AS first_seen, max(event_time) AS last_seen
           FROM event WHERE principal_id = p.id
       ) a
       LEFT JOIN LATERAL (
         SELECT count(*) AS open_findings,
                (array_agg(severity ORDER BY array_position(ARRAY['critical','high','medium','low','info'], severity)))[1]
                  AS top_severity
           FROM finding WHERE principal_id = p.id AND status IN ('open', 'acknowledged')
       ) f ON true
       LEFT JOIN unnest($${idsN}::bigint[], $${scoresN}::real[]) AS s(id, score) ON s.id = p.id
      WHERE a.events > 0
      ORDER BY ${ORDER[query.sort]}, p.id
      LIMIT $${limitN} OFFSET $${offsetN}`,
    params,
  );
  return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}

export interface PrincipalFacets {
  accounts: string[];
  types: string[];
}

/** The values the list's account and type filters offer. */
export async function getPrincipalFacets(db: Db): Promise<PrincipalFacets> {
  const { rows } = await db.query<{ accounts: string[] | null; types: string[] | null }>(
    `SELECT array_agg(DISTINCT account_id ORDER BY account_id) AS accounts,
            array_agg(DISTINCT principal_type ORDER BY principal_type) AS types FROM principal`,
  );
  return { accounts: rows[0]?.accounts ?? [], types: rows[0]?.types ?? [] };
}
