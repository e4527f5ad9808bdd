import type { TimeWindow } from '@/lib/principals/scope';
import type { Db } from './db';

export interface SessionActivity {
  /** The role session's principal row, when its calls are in the loaded trails. */
  sessionPrincipalId: string | null;
  sessionName: string | null;
  calls: number;
  firstCall: Date | null;
  lastCall: Date | null;
  topCalls: string[];
  ips: string[];
}

export interface AssumeRoleLink extends SessionActivity {
  accountId: string;
  eventId: string;
  eventTime: Date;
  eventName: string;
  roleArn: string | null;
  sourceIp: string | null;
  errorCode: string | null;
  /** Who made the AssumeRole call (for chains into this principal). */
  callerPrincipalId: string;
  callerName: string;
}

// The session a successful AssumeRole created is the role-session principal with that session
// name on a role of the same account and name, and its calls are those signed with the returned
// temporary key: the key, not the name, ties one session to one AssumeRole call.
const SESSION_LATERAL = `
LEFT JOIN LATERAL (
  SELECT sp.id AS session_principal_id FROM principal sp
   WHERE sp.session_name = a.session_name
     AND split_part(sp.base_role_arn, ':', 5) = split_part(a.role_arn, ':', 5)
     AND regexp_replace(sp.base_role_arn, '^.*/', '') = regexp_replace(a.role_arn, '^.*/', '')
     AND EXISTS (SELECT 1 FROM event se WHERE se.principal_id = sp.id AND se.access_key_id = a.issued_key)
   LIMIT 1
) s ON true
LEFT JOIN LATERAL (
  SELECT count(*)::int AS calls, min(se.event_time) AS first_call, max(se.event_time) AS last_call,
         (SELECT array_agg(name ORDER BY n DESC, name) FROM (
            SELECT se2.event_name AS name, count(*) AS n FROM event se2
             WHERE se2.principal_id = s.session_principal_id AND se2.access_key_id = a.issued_key
             GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5) t) AS top_calls,
         (SELECT array_agg(DISTINCT host(se3.source_ip)) FROM (
            SELECT DISTINCT source_ip FROM event se3
             WHERE se3.principal_id = s.session_principal_id AND se3.access_key_id = a.issued_key
               AND se3.source_ip IS NOT NULL LIMIT 5) se3) AS ips
    FROM event se
   WHERE se.principal_id = s.session_principal_id AND se.access_key_id = a.issued_key
) act ON true`;

const SELECT_LINK = `
SELECT a.account_id AS "accountId", a.event_id AS "eventId", a.event_time AS "eventTime",
       a.event_name AS "eventName", a.role_arn AS "roleArn", host(a.source_ip) AS "sourceIp",
       a.error_code AS "errorCode", a.caller_id::text AS "callerPrincipalId", cp.name AS "callerName",
       s.session_principal_id::text AS "sessionPrincipalId", a.session_name AS "sessionName",
       coalesce(act.calls, 0) AS calls, act.first_call AS "firstCall", act.last_call AS "lastCall",
       coalesce(act.top_calls, '{}') AS "topCalls", coalesce(act.ips, '{}') AS ips
  FROM assume a
  JOIN principal cp ON cp.id = a.caller_id`;

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
     )
     ${SELECT_LINK} ${SESSION_LATERAL}
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
    `WITH assume AS (
       SELECT ${ASSUME_COLUMNS} FROM event e
        WHERE e.event_name IN ('AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity')
          AND e.event_time >= $3::timestamptz - interval '12 hours' AND e.event_time <= $4
          AND e.error_code IS NULL
          AND e.detail->'requestParameters'->>'roleSessionName' = $2
          AND split_part(e.detail->'requestParameters'->>'roleArn', ':', 5) = split_part($5, ':', 5)
          AND regexp_replace(e.detail->'requestParameters'->>'roleArn', '^.*/', '') = regexp_replace($5, '^.*/', '')
          AND EXISTS (SELECT 1 FROM event se WHERE se.principal_id = $1
                         AND se.access_key_id = e.detail->'responseElements'->'credentials'->>'accessKeyId')
        ORDER BY e.event_time LIMIT 50
     )
     ${SELECT_LINK} ${SESSION_LATERAL}
     ORDER BY a.event_time`,
    [session.id, session.sessionName, session.firstSeen, session.lastSeen, session.baseRoleArn],
  );
  return rows;
}
