// The principal page's query as it was before the rollups of migration 0014, reading raw events:
// the reference tests/integration/principal-rollups.test.ts compares the rollup-based query with.
import type { TimeWindow } from '../../../lib/principals/scope';
import type { Db } from '../../../lib/queries/principals/db';
import type { AssumeRoleLink } from '../../../lib/queries/principals/get-role-sessions';

const SESSION_CTES = `
sess AS (
  SELECT a.*, s.session_principal_id FROM assume a
  LEFT JOIN LATERAL (
    SELECT sp.id AS session_principal_id FROM principal sp
     WHERE sp.session_name = a.session_name
       AND split_part(sp.base_role_arn, ':', 5) = split_part(a.role_arn, ':', 5)
       AND regexp_replace(sp.base_role_arn, '^.*/', '') = regexp_replace(a.role_arn, '^.*/', '')
     ORDER BY (sp.account_id = split_part(a.role_arn, ':', 5)) DESC, sp.id
     LIMIT 1
  ) s ON true
), per_call AS (
  SELECT e.principal_id, e.access_key_id, e.event_name, count(*) AS n,
         min(e.event_time) AS first_call, max(e.event_time) AS last_call,
         array_agg(DISTINCT host(e.source_ip)) FILTER (WHERE e.source_ip IS NOT NULL) AS ips
    FROM event e
   -- Arrays, not IN (subquery): the planner would otherwise rescan the session's calls once per key.
   WHERE e.principal_id = ANY ((SELECT array_agg(DISTINCT session_principal_id) FROM sess)::bigint[])
     AND e.access_key_id = ANY ((SELECT array_agg(DISTINCT issued_key) FROM sess)::text[])
   GROUP BY 1, 2, 3
), act AS MATERIALIZED (
  SELECT principal_id, access_key_id, sum(n)::int AS calls, min(first_call) AS first_call,
         max(last_call) AS last_call, (array_agg(event_name ORDER BY n DESC, event_name))[1:5] AS top_calls
    FROM per_call GROUP BY 1, 2
), act_ips AS MATERIALIZED (
  SELECT q.principal_id, q.access_key_id, (array_agg(DISTINCT ip ORDER BY ip))[1:5] AS ips
    FROM per_call q CROSS JOIN LATERAL unnest(q.ips) AS ip
   GROUP BY 1, 2
)`;

const SELECT_LINK = `
SELECT a.account_id AS "accountId", a.event_id AS "eventId", a.event_time AS "eventTime",
       a.event_name AS "eventName", a.role_arn AS "roleArn", host(a.source_ip) AS "sourceIp",
       a.error_code AS "errorCode", a.caller_id::text AS "callerPrincipalId", cp.name AS "callerName",
       CASE WHEN act.calls IS NULL THEN NULL ELSE a.session_principal_id::text END AS "sessionPrincipalId",
       a.session_name AS "sessionName",
       coalesce(act.calls, 0) AS calls, act.first_call AS "firstCall", act.last_call AS "lastCall",
       coalesce(act.top_calls, '{}') AS "topCalls", coalesce(act_ips.ips, '{}') AS ips
  FROM sess a
  JOIN principal cp ON cp.id = a.caller_id
  LEFT JOIN act ON act.principal_id = a.session_principal_id AND act.access_key_id = a.issued_key
  LEFT JOIN act_ips ON act_ips.principal_id = act.principal_id AND act_ips.access_key_id = act.access_key_id`;

const ASSUME_COLUMNS = `
  e.account_id, e.event_id, e.event_time, e.event_name, e.source_ip, e.error_code, e.principal_id AS caller_id,
  e.detail->'requestParameters'->>'roleArn' AS role_arn,
  e.detail->'requestParameters'->>'roleSessionName' AS session_name,
  e.detail->'responseElements'->'credentials'->>'accessKeyId' AS issued_key`;

/** The roles this principal assumed in the scope, and what each resulting session did. */
export async function getAssumedRoles(
  db: Db,
  principalId: string,
  scope: TimeWindow,
): Promise<AssumeRoleLink[]> {
  const { rows } = await db.query<AssumeRoleLink>(
    `WITH assume AS (
       SELECT ${ASSUME_COLUMNS} FROM event e
        WHERE e.principal_id = $1 AND e.event_time >= $2 AND e.event_time < $3
          AND e.event_name IN ('AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity')
        ORDER BY e.event_time LIMIT 200
     ), ${SESSION_CTES}
     ${SELECT_LINK}
     ORDER BY a.event_time`,
    [principalId, scope.from, scope.to],
  );
  return rows;
}

/**
 * For a role session: the AssumeRole calls that created it, with their caller. They are found
 * through event_name_time_idx in the hours before the session's first call.
 */
export async function getSessionOrigins(
  db: Db,
  session: {
    id: string;
    sessionName: string | null;
    baseRoleArn: string | null;
    firstSeen: Date | null;
    lastSeen: Date | null;
  },
): Promise<AssumeRoleLink[]> {
  if (!session.sessionName || !session.baseRoleArn || !session.firstSeen || !session.lastSeen) return [];
  const { rows } = await db.query<AssumeRoleLink>(
    `WITH session_keys AS (
       -- One pass over the session's calls, instead of one per AssumeRole candidate.
       SELECT DISTINCT access_key_id FROM event WHERE principal_id = $1 AND access_key_id IS NOT NULL
     ), assume AS (
       SELECT ${ASSUME_COLUMNS} FROM event e
        WHERE e.event_name IN ('AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity')
          AND e.event_time >= $3::timestamptz - interval '12 hours' AND e.event_time <= $4
          AND e.error_code IS NULL
          AND e.detail->'requestParameters'->>'roleSessionName' = $2
          AND split_part(e.detail->'requestParameters'->>'roleArn', ':', 5) = split_part($5, ':', 5)
          AND regexp_replace(e.detail->'requestParameters'->>'roleArn', '^.*/', '') = regexp_replace($5, '^.*/', '')
          AND e.detail->'responseElements'->'credentials'->>'accessKeyId' IN (SELECT access_key_id FROM session_keys)
        ORDER BY e.event_time LIMIT 50
     ), ${SESSION_CTES}
     ${SELECT_LINK}
     ORDER BY a.event_time`,
    [session.id, session.sessionName, session.firstSeen, session.lastSeen, session.baseRoleArn],
  );
  return rows;
}
