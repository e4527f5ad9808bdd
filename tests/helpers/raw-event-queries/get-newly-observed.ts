// The principal page's query as it was before the rollups of migration 0014, reading raw events:
// the reference tests/integration/principal-rollups.test.ts compares the rollup-based query with.
import type { TimeWindow } from '../../../lib/principals/scope';
import type { Db } from '../../../lib/queries/principals/db';
import {
  OBSERVED_DIMENSIONS,
  type ObservedDimension,
  type ObservedItem,
  type ObservedPanels,
} from '../../../lib/queries/principals/get-newly-observed';

interface Inputs {
  principalId: string;
  accountId: string;
  scope: TimeWindow;
  baseline: TimeWindow;
}

// Events are first folded into their distinct combinations of the columns the panels read: a
// machine principal with 100k calls has a few hundred of them, so the unnest into one row per
// (dimension, value) and the dimension joins run on hundreds of rows, not 100k × 11.
const PRINCIPAL_ITEMS_SQL = `
WITH combos AS (
  SELECT e.source_ip, e.user_agent_id, e.service, e.event_name, e.region, e.access_key_id,
         CASE WHEN e.event_name LIKE 'AssumeRole%' THEN e.detail->'requestParameters'->>'roleArn' END AS role_arn,
         CASE WHEN e.event_source = 's3.amazonaws.com' THEN e.detail->'requestParameters'->>'bucketName' END AS bucket,
         (e.event_time >= $2 AND e.event_time < $3) AS in_scope,
         (e.event_time >= $4 AND e.event_time < $5) AS in_baseline,
         count(*)::int AS n, min(e.event_time) AS first_at, max(e.event_time) AS last_at
    FROM event e
   WHERE e.principal_id = $1
     AND ((e.event_time >= $2 AND e.event_time < $3) OR (e.event_time >= $4 AND e.event_time < $5))
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
), items AS (
  SELECT d.dim, d.value, d.label, c.in_scope, c.in_baseline, c.n, c.first_at, c.last_at
    FROM combos c
    LEFT JOIN ip_address ip ON ip.ip = c.source_ip
    LEFT JOIN user_agent ua ON ua.id = c.user_agent_id
   CROSS JOIN LATERAL (VALUES
     ('ip', host(c.source_ip), ip.as_org),
     ('asn', ip.asn::text, ip.as_org),
     ('country', ip.country_code, ip.country),
     ('city', CASE WHEN ip.city IS NOT NULL THEN ip.city || ', ' || coalesce(ip.country_code, '?') END, NULL),
     ('ua', ua.family, NULL),
     ('service', c.service, NULL),
     ('api', c.event_name, c.service),
     ('region', c.region, NULL),
     ('role', c.role_arn, NULL),
     ('bucket', c.bucket, NULL),
     ('key', c.access_key_id, NULL)
   ) AS d(dim, value, label)
   WHERE d.value IS NOT NULL AND d.value <> ''
)
SELECT dim, value, max(label) AS label,
       coalesce(sum(n) FILTER (WHERE in_scope), 0)::int AS count,
       min(first_at) AS "firstSeen",
       max(last_at) AS "lastSeen",
       NOT bool_or(in_baseline) AS "newForPrincipal"
  FROM items
 GROUP BY dim, value
HAVING bool_or(in_scope)`;

// Which of the principal's new values anyone in the account used during the baseline. Values
// with an index to probe (source IP, event name) are checked one by one with EXISTS; geography
// goes through the small ip_address table to the source-IP index; the rest share one pass over
// the account's baseline events (event_account_time_idx), filtered to the candidate values only.
// Access keys are not checked: see newForAccount below.
const ACCOUNT_SEEN_SQL = `
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
    WHERE CASE g.dim WHEN 'asn' THEN ip.asn::text
                     WHEN 'country' THEN ip.country_code
                     ELSE ip.city || ', ' || coalesce(ip.country_code, '?') END = g.value
      AND e.event_time >= $2 AND e.event_time < $3 AND e.account_id = $1)
UNION ALL
SELECT DISTINCT d.dim, d.value
  FROM event e
  LEFT JOIN user_agent ua ON ua.id = e.user_agent_id
 CROSS JOIN LATERAL (VALUES
   ('service', e.service, e.service = ANY($9::text[])),
   ('region', e.region, e.region = ANY($10::text[])),
   ('ua', ua.family, ua.family = ANY($11::text[])),
   ('role', e.detail->'requestParameters'->>'roleArn', e.event_name LIKE 'AssumeRole%'
              AND e.detail->'requestParameters'->>'roleArn' = ANY($12::text[])),
   ('bucket', e.detail->'requestParameters'->>'bucketName', e.event_source = 's3.amazonaws.com'
              AND e.detail->'requestParameters'->>'bucketName' = ANY($13::text[]))
 ) AS d(dim, value, wanted)
 WHERE $14::boolean AND e.account_id = $1 AND e.event_time >= $2 AND e.event_time < $3
   AND (e.service = ANY($9::text[]) OR e.region = ANY($10::text[])
        OR e.user_agent_id IN (SELECT id FROM user_agent WHERE family = ANY($11::text[]))
        OR (e.event_name LIKE 'AssumeRole%' AND e.detail->'requestParameters'->>'roleArn' = ANY($12::text[]))
        OR (e.event_source = 's3.amazonaws.com' AND e.detail->'requestParameters'->>'bucketName' = ANY($13::text[])))
   AND d.wanted`;

const PANEL_LIMIT = 50;

/**
 * The "Newly observed" panels: every value the principal used in the scope, per dimension, with
 * whether it is new for the principal (absent from its baseline) and new for the whole account.
 * New values come first, then the most used; each panel keeps at most 50 rows.
 */
export async function getNewlyObserved(db: Db, inputs: Inputs): Promise<ObservedPanels> {
  const { principalId, accountId, scope, baseline } = inputs;
  const { rows } = await db.query<ObservedItem & { dim: ObservedDimension }>(PRINCIPAL_ITEMS_SQL, [
    principalId,
    scope.from,
    scope.to,
    baseline.from,
    baseline.to,
  ]);

  const candidates = rows.filter((row) => row.newForPrincipal);
  const seenInAccount = new Set<string>();
  if (candidates.length > 0) {
    const valuesOf = (dim: ObservedDimension) => candidates.filter((c) => c.dim === dim).map((c) => c.value);
    const scanned: ObservedDimension[] = ['service', 'region', 'ua', 'role', 'bucket'];
    const account = await db.query<{ dim: string; value: string }>(ACCOUNT_SEEN_SQL, [
      accountId,
      baseline.from,
      baseline.to,
      valuesOf('ip'),
      valuesOf('api'),
      valuesOf('asn'),
      valuesOf('country'),
      valuesOf('city'),
      ...scanned.map(valuesOf),
      candidates.some((c) => scanned.includes(c.dim)),
    ]);
    for (const row of account.rows) seenInAccount.add(`${row.dim}\u0000${row.value}`);
  }

  const panels = Object.fromEntries(
    OBSERVED_DIMENSIONS.map((dim) => [dim, [] as ObservedItem[]]),
  ) as ObservedPanels;
  for (const { dim, ...item } of rows) {
    panels[dim].push({
      ...item,
      // A key belongs to one principal (an IAM user's AKIA key, a session's ASIA key), so a key new
      // to the principal is new to the account; checking would scan for nothing.
      newForAccount:
        item.newForPrincipal && (dim === 'key' || !seenInAccount.has(`${dim}\u0000${item.value}`)),
    });
  }
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
  return panels;
}
