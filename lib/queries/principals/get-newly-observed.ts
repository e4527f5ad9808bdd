import type { TimeWindow } from '@/lib/principals/scope';
import { BUCKET_SQL, floorDay, mergeWindows, ROLE_ARN_SQL, splitAtHours, withinOneDay } from './activity-sql';
import type { Db } from './db';

export const OBSERVED_DIMENSIONS = [
  'ip',
  'asn',
  'country',
  'city',
  'ua',
  'service',
  'api',
  'region',
  'role',
  'bucket',
  'key',
] as const;
export type ObservedDimension = (typeof OBSERVED_DIMENSIONS)[number];

export interface ObservedItem {
  value: string;
  /** Human label next to the value (AS organisation, country name, the API's service). */
  label: string | null;
  /** Calls in the scope. */
  count: number;
  /** First call in the baseline or the scope, whichever is earlier. */
  firstSeen: Date;
  lastSeen: Date;
  /** Not used by this principal in the baseline window. */
  newForPrincipal: boolean;
  /** Not used by anyone in the account in the baseline window. */
  newForAccount: boolean;
}

export type ObservedPanels = Record<ObservedDimension, ObservedItem[]>;

const PANEL_LIMIT = 50;

interface Inputs {
  principalId: string;
  accountId: string;
  scope: TimeWindow;
  baseline: TimeWindow;
}

// The panels read, for the whole UTC hours of the scope and the baseline, the after-ingest
// rollups (rollup_ip_hourly for addresses, principal_activity_hourly for the other columns),
// and for the partial hours at their edges the raw events. The windows' hours and edges are read
// once each, as merged ranges ($2/$3 raw, $4/$5 hours), and flagged in-scope / in-baseline
// separately, so an overlapping custom baseline is counted exactly as the raw events would be.
// Rows are folded per address (which gives IP and geography, joined to ip_address once per
// address), per user agent, and per the remaining columns, then unnested into one row per
// (dimension, value). Only each panel's leaders (rank <= 50 by novelty and count, with every tie
// kept, so the tie-break by value below picks exactly what it did from the full list) leave the
// database: a Lambda behind a VPC endpoint has thousands of addresses.
const PARTIAL_MEASURES = `sum(n) FILTER (WHERE in_scope) AS scope_n, bool_or(in_scope) AS in_scope,
  bool_or(in_baseline) AS in_baseline, min(first_at) AS first_at, max(last_at) AS last_at`;
const PRINCIPAL_ITEMS_SQL = `
WITH raw AS MATERIALIZED (
  SELECT e.event_time, e.source_ip, e.user_agent_id, e.service, e.event_name, e.region, e.access_key_id,
         ${ROLE_ARN_SQL} AS role_arn, ${BUCKET_SQL} AS bucket,
         (e.event_time >= $6 AND e.event_time < $7) OR (e.event_time >= $8 AND e.event_time < $9) AS in_scope,
         (e.event_time >= $10 AND e.event_time < $11) OR (e.event_time >= $12 AND e.event_time < $13) AS in_baseline
    FROM unnest($2::timestamptz[], $3::timestamptz[]) AS w(lo, hi)
    JOIN event e ON e.principal_id = $1 AND e.event_time >= w.lo AND e.event_time < w.hi
), hour_flags AS (
  SELECT w.lo, w.hi FROM unnest($4::timestamptz[], $5::timestamptz[]) AS w(lo, hi)
), ip_rows AS (
  SELECT source_ip, in_scope, in_baseline, count(*)::int AS n, min(event_time) AS first_at, max(event_time) AS last_at
    FROM raw WHERE source_ip IS NOT NULL GROUP BY 1, 2, 3
  UNION ALL
  SELECT r.source_ip, r.hour >= $14 AND r.hour < $15, r.hour >= $16 AND r.hour < $17, r.events, r.first_at, r.last_at
    FROM hour_flags w JOIN rollup_ip_hourly r ON r.principal_id = $1 AND r.hour >= w.lo AND r.hour < w.hi
), rest_rows AS (
  SELECT user_agent_id, service, event_name, region, access_key_id, role_arn, bucket, in_scope, in_baseline,
         count(*)::int AS n, min(event_time) AS first_at, max(event_time) AS last_at
    FROM raw GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  UNION ALL
  SELECT r.user_agent_id, r.service, r.event_name, r.region, r.access_key_id, r.role_arn, r.bucket,
         r.hour >= $14 AND r.hour < $15, r.hour >= $16 AND r.hour < $17, r.events, r.first_at, r.last_at
    FROM hour_flags w JOIN principal_activity_hourly r ON r.principal_id = $1 AND r.hour >= w.lo AND r.hour < w.hi
), by_ip AS MATERIALIZED (
  SELECT source_ip, ${PARTIAL_MEASURES} FROM ip_rows GROUP BY 1
), by_ua AS (
  SELECT user_agent_id, ${PARTIAL_MEASURES} FROM rest_rows WHERE user_agent_id IS NOT NULL GROUP BY 1
), by_rest AS (
  SELECT service, event_name, region, role_arn, bucket, access_key_id, ${PARTIAL_MEASURES}
    FROM rest_rows GROUP BY 1, 2, 3, 4, 5, 6
), items AS (
  SELECT d.dim, d.value, d.label, b.scope_n, b.in_scope, b.in_baseline, b.first_at, b.last_at
    FROM by_ip b
    -- Only enriched public addresses have a place (a Lambda's private ones do not).
    JOIN ip_address ip ON ip.ip = b.source_ip
     AND (ip.asn IS NOT NULL OR ip.country_code IS NOT NULL OR ip.city IS NOT NULL)
   CROSS JOIN LATERAL (VALUES
     ('asn', ip.asn::text, ip.as_org),
     ('country', ip.country_code, ip.country),
     ('city', CASE WHEN ip.city IS NOT NULL THEN ip.city || ', ' || coalesce(ip.country_code, '?') END, NULL)
   ) AS d(dim, value, label)
  UNION ALL
  SELECT 'ua', ua.family, NULL, b.scope_n, b.in_scope, b.in_baseline, b.first_at, b.last_at
    FROM by_ua b JOIN user_agent ua ON ua.id = b.user_agent_id
  UNION ALL
  SELECT d.dim, d.value, d.label, b.scope_n, b.in_scope, b.in_baseline, b.first_at, b.last_at
    FROM by_rest b
   CROSS JOIN LATERAL (VALUES
     ('service', b.service, NULL),
     ('api', b.event_name, b.service),
     ('region', b.region, NULL),
     ('role', b.role_arn, NULL),
     ('bucket', b.bucket, NULL),
     ('key', b.access_key_id, NULL)
   ) AS d(dim, value, label)
), panel AS (
  SELECT dim, value, max(label) AS label,
         coalesce(sum(scope_n), 0)::int AS count,
         min(first_at) AS first_seen,
         max(last_at) AS last_seen,
         NOT bool_or(in_baseline) AS new_for_principal
    FROM items
   WHERE value IS NOT NULL AND value <> ''
   GROUP BY dim, value
  HAVING bool_or(in_scope)
), ranked AS (
  SELECT panel.*, rank() OVER (PARTITION BY dim ORDER BY new_for_principal DESC, count DESC) AS place
    FROM panel
), ip_ranked AS (
  -- One row per address already: ranked before ip_address is read, for the leaders' labels only.
  SELECT b.source_ip, coalesce(b.scope_n, 0)::int AS count, b.first_at, b.last_at,
         NOT b.in_baseline AS new_for_principal,
         rank() OVER (ORDER BY NOT b.in_baseline DESC, coalesce(b.scope_n, 0) DESC) AS place
    FROM by_ip b WHERE b.in_scope
)
SELECT dim, value, label, count, first_seen AS "firstSeen", last_seen AS "lastSeen",
       new_for_principal AS "newForPrincipal"
  FROM ranked WHERE place <= ${PANEL_LIMIT}
UNION ALL
SELECT 'ip', host(r.source_ip), ip.as_org, r.count, r.first_at, r.last_at, r.new_for_principal
  FROM ip_ranked r LEFT JOIN ip_address ip ON ip.ip = r.source_ip
 WHERE r.place <= ${PANEL_LIMIT}`;

// The geography of an address is read at query time (ip_address), never stored in a rollup, so
// the panels follow a re-enrichment.
const GEO_OF_IP = `CASE g.dim WHEN 'asn' THEN ip.asn::text
                     WHEN 'country' THEN ip.country_code
                     ELSE ip.city || ', ' || coalesce(ip.country_code, '?') END`;

// Which of the principal's new values anyone in the account used during the baseline, from
// account_item_daily: the baseline [$2, $3) holds a use of a value iff one of its days' first or
// last use falls inside it (a day wholly inside holds both; an edge day holds the one on the
// inside). $4 is the baseline's first UTC midnight, so the key range starts at its first day.
// Geography goes through the account's 'ip' rows. Access keys are not checked: see newForAccount.
const ACCOUNT_SEEN_SQL = `
SELECT w.dim, w.value FROM unnest($5::text[], $6::text[]) AS w(dim, value)
 WHERE EXISTS (
   SELECT 1 FROM account_item_daily a
    WHERE a.account_id = $1 AND a.dim = w.dim AND a.value = w.value AND a.day >= $4 AND a.day < $3
      AND ((a.first_at >= $2 AND a.first_at < $3) OR (a.last_at >= $2 AND a.last_at < $3)))
UNION ALL
SELECT g.dim, g.value FROM unnest($7::text[], $8::text[]) AS g(dim, value)
 WHERE EXISTS (
   SELECT 1 FROM ip_address ip
     JOIN account_item_daily a ON a.account_id = $1 AND a.dim = 'ip' AND a.value = host(ip.ip)
                              AND a.day >= $4 AND a.day < $3
    WHERE ${GEO_OF_IP} = g.value
      AND ((a.first_at >= $2 AND a.first_at < $3) OR (a.last_at >= $2 AND a.last_at < $3)))`;

// A baseline inside one UTC day is the one case the daily rows cannot decide (a day used both
// before and after it), so it is checked on the raw events of that day. Values with an index to
// probe (source IP, event name) are checked one by one with EXISTS; geography goes through the
// small ip_address table to the source-IP index; the rest share one pass over the account's
// baseline events (event_account_time_idx), filtered to the candidate values only.
const ACCOUNT_SEEN_RAW_SQL = `
SELECT 'ip' AS dim, host(v) AS value FROM unnest($4::inet[]) AS v
 WHERE EXISTS (SELECT 1 FROM event e WHERE e.source_ip = v AND e.event_time >= $2 AND e.event_time < $3
                  AND e.account_id = $1)
UNION ALL
SELECT 'api', v FROM unnest($5::text[]) AS v
 WHERE EXISTS (SELECT 1 FROM event e WHERE e.event_name = v AND e.event_time >= $2 AND e.event_time < $3
                  AND e.account_id = $1)
UNION ALL
SELECT g.dim, g.value FROM (
  SELECT 'asn' AS dim, v AS value FROM unnest($6::text[]) AS v
  UNION ALL SELECT 'country', v FROM unnest($7::text[]) AS v
  UNION ALL SELECT 'city', v FROM unnest($8::text[]) AS v
) g
 WHERE EXISTS (
   SELECT 1 FROM ip_address ip JOIN event e ON e.source_ip = ip.ip
    WHERE ${GEO_OF_IP} = g.value
      AND e.event_time >= $2 AND e.event_time < $3 AND e.account_id = $1)
UNION ALL
SELECT DISTINCT d.dim, d.value
  FROM event e
  LEFT JOIN user_agent ua ON ua.id = e.user_agent_id
 CROSS JOIN LATERAL (VALUES
   ('service', e.service, e.service = ANY($9::text[])),
   ('region', e.region, e.region = ANY($10::text[])),
   ('ua', ua.family, ua.family = ANY($11::text[])),
   ('role', ${ROLE_ARN_SQL}, ${ROLE_ARN_SQL} = ANY($12::text[])),
   ('bucket', ${BUCKET_SQL}, ${BUCKET_SQL} = ANY($13::text[]))
 ) AS d(dim, value, wanted)
 WHERE $14::boolean AND e.account_id = $1 AND e.event_time >= $2 AND e.event_time < $3
   AND (e.service = ANY($9::text[]) OR e.region = ANY($10::text[])
        OR e.user_agent_id IN (SELECT id FROM user_agent WHERE family = ANY($11::text[]))
        OR ${ROLE_ARN_SQL} = ANY($12::text[]) OR ${BUCKET_SQL} = ANY($13::text[]))
   AND d.wanted`;

/**
 * The "Newly observed" panels: every value the principal used in the scope, per dimension, with
 * whether it is new for the principal (absent from its baseline) and new for the whole account.
 * New values come first, then the most used; each panel keeps at most 50 rows.
 */
export async function getNewlyObserved(db: Db, inputs: Inputs): Promise<ObservedPanels> {
  const { principalId, accountId, scope, baseline } = inputs;
  const inScope = splitAtHours(scope);
  const inBaseline = splitAtHours(baseline);
  const raw = mergeWindows([inScope.head, inScope.tail, inBaseline.head, inBaseline.tail]);
  const hours = mergeWindows([inScope.hours, inBaseline.hours]);
  const { rows } = await db.query<ObservedItem & { dim: ObservedDimension }>(PRINCIPAL_ITEMS_SQL, [
    principalId,
    raw.from,
    raw.to,
    hours.from,
    hours.to,
    ...[inScope.head, inScope.tail, inBaseline.head, inBaseline.tail].flatMap((w) => [w.from, w.to]),
    inScope.hours.from,
    inScope.hours.to,
    inBaseline.hours.from,
    inBaseline.hours.to,
  ]);

  const panels = Object.fromEntries(
    OBSERVED_DIMENSIONS.map((dim) => [dim, [] as (ObservedItem & { dim: ObservedDimension })[]]),
  ) as Record<ObservedDimension, (ObservedItem & { dim: ObservedDimension })[]>;
  for (const row of rows) panels[row.dim].push(row);
  for (const dim of OBSERVED_DIMENSIONS) {
    panels[dim] = panels[dim]
      .sort(
        (a, b) =>
          Number(b.newForPrincipal) - Number(a.newForPrincipal) ||
          b.count - a.count ||
          a.value.localeCompare(b.value),
      )
      .slice(0, PANEL_LIMIT);
  }

  // Only the items shown need the account check: it does not change their order.
  const shown = OBSERVED_DIMENSIONS.flatMap((dim) => panels[dim]);
  const seenInAccount = await getSeenInAccount(
    db,
    accountId,
    baseline,
    shown.filter((item) => item.newForPrincipal && item.dim !== 'key'),
  );
  return Object.fromEntries(
    OBSERVED_DIMENSIONS.map((dim) => [
      dim,
      panels[dim].map(({ dim: _, ...item }) => ({
        ...item,
        // A key belongs to one principal (an IAM user's AKIA key, a session's ASIA key), so a key
        // new to the principal is new to the account; checking would scan for nothing.
        newForAccount:
          item.newForPrincipal && (dim === 'key' || !seenInAccount.has(`${dim}\u0000${item.value}`)),
      })),
    ]),
  ) as ObservedPanels;
}

const GEO_DIMENSIONS: ObservedDimension[] = ['asn', 'country', 'city'];
// Keys are never checked (see newForAccount above).
const ROLLED_DIMENSIONS: ObservedDimension[] = ['ip', 'api', 'service', 'region', 'ua', 'role', 'bucket'];

/** The candidates (dim, value) someone in the account used in the baseline, as "dim\0value". */
async function getSeenInAccount(
  db: Db,
  accountId: string,
  baseline: TimeWindow,
  candidates: { dim: ObservedDimension; value: string }[],
): Promise<Set<string>> {
  const seen = new Set<string>();
  if (candidates.length === 0) return seen;
  const valuesOf = (dims: ObservedDimension[]) => {
    const picked = candidates.filter((c) => dims.includes(c.dim));
    return [picked.map((c) => c.dim), picked.map((c) => c.value)];
  };
  let result: { rows: { dim: string; value: string }[] };
  if (withinOneDay(baseline)) {
    const scanned: ObservedDimension[] = ['service', 'region', 'ua', 'role', 'bucket'];
    const of = (dim: ObservedDimension) => candidates.filter((c) => c.dim === dim).map((c) => c.value);
    result = await db.query<{ dim: string; value: string }>(ACCOUNT_SEEN_RAW_SQL, [
      accountId,
      baseline.from,
      baseline.to,
      of('ip'),
      of('api'),
      ...GEO_DIMENSIONS.map(of),
      ...scanned.map(of),
      candidates.some((c) => scanned.includes(c.dim)),
    ]);
  } else {
    result = await db.query<{ dim: string; value: string }>(ACCOUNT_SEEN_SQL, [
      accountId,
      baseline.from,
      baseline.to,
      floorDay(baseline.from),
      ...valuesOf(ROLLED_DIMENSIONS),
      ...valuesOf(GEO_DIMENSIONS),
    ]);
  }
  for (const row of result.rows) seen.add(`${row.dim}\u0000${row.value}`);
  return seen;
}
