// The principal page's query as it was before the rollups of migration 0014, reading raw events:
// the reference tests/integration/principal-rollups.test.ts compares the rollup-based query with.
import type { Db } from '../../../lib/queries/principals/db';
import type {
  AccessKeyPanel,
  AccessKeyUse,
  KeyCreation,
} from '../../../lib/queries/principals/get-access-keys';

const KEY_LIMIT = 25;

// CreateAccessKey calls are rare, so finding a key's creator by event_name_time_idx over all
// time stays cheap; the returned key id sits in responseElements.accessKey.accessKeyId.
const CREATION_LATERAL = `
LEFT JOIN LATERAL (
  SELECT c.event_id, c.account_id, c.event_time, c.principal_id, cp.name AS creator_name,
         coalesce(c.detail->'requestParameters'->>'userName', cp.name) AS for_user
    FROM event c JOIN principal cp ON cp.id = c.principal_id
   WHERE c.event_name = 'CreateAccessKey' AND c.error_code IS NULL
     AND c.detail->'responseElements'->'accessKey'->>'accessKeyId' = k.access_key_id
   ORDER BY c.event_time LIMIT 1
) cr ON true`;

const KEY_COLUMNS = `
  k.access_key_id AS "accessKeyId", k.access_key_id LIKE 'AKIA%' AS "longLived",
  k.principal_id::text AS "principalId", p.name AS "principalName",
  coalesce(k.calls, 0)::int AS calls, k.first_use AS "firstUse", k.last_use AS "lastUse",
  coalesce(k.ips, '{}') AS ips,
  CASE WHEN cr.event_id IS NULL THEN NULL ELSE json_build_object(
    'eventId', cr.event_id, 'accountId', cr.account_id, 'createdAt', cr.event_time,
    'creatorPrincipalId', cr.principal_id::text, 'creatorName', cr.creator_name, 'forUser', cr.for_user)
  END AS created`;

interface RawKey extends Omit<AccessKeyUse, 'created'> {
  created: (Omit<KeyCreation, 'createdAt'> & { createdAt: string }) | null;
}

function toKey(row: RawKey): AccessKeyUse {
  return {
    ...row,
    created: row.created ? { ...row.created, createdAt: new Date(row.created.createdAt) } : null,
  };
}

/** The access-key lifecycle around one principal: the keys it used and the keys it made. */
export async function getAccessKeys(db: Db, principalId: string): Promise<AccessKeyPanel> {
  const used = await db.query<RawKey>(
    `WITH k AS (
       SELECT e.access_key_id, e.principal_id, count(*) AS calls, min(e.event_time) AS first_use,
              max(e.event_time) AS last_use,
              (array_agg(DISTINCT host(e.source_ip)) FILTER (WHERE e.source_ip IS NOT NULL))[1:5] AS ips
         FROM event e
        WHERE e.principal_id = $1 AND e.access_key_id IS NOT NULL AND e.access_key_id <> ''
        GROUP BY 1, 2 ORDER BY max(e.event_time) DESC LIMIT ${KEY_LIMIT}
     )
     SELECT ${KEY_COLUMNS} FROM k JOIN principal p ON p.id = k.principal_id ${CREATION_LATERAL}
     ORDER BY k.last_use DESC`,
    [principalId],
  );

  // A key made for a user is used by that user's principal row: found by account and user name
  // in the small principal table, then its calls with that key through event_principal_time_idx.
  const created = await db.query<RawKey>(
    `WITH made AS (
       SELECT c.account_id, c.detail->'responseElements'->'accessKey'->>'accessKeyId' AS access_key_id,
              coalesce(c.detail->'requestParameters'->>'userName', p.name) AS user_name
         FROM event c JOIN principal p ON p.id = c.principal_id
        WHERE c.principal_id = $1 AND c.event_name = 'CreateAccessKey' AND c.error_code IS NULL
        ORDER BY c.event_time LIMIT ${KEY_LIMIT}
     ), k AS (
       SELECT m.access_key_id, owner.id AS principal_id, usage.calls, usage.first_use, usage.last_use, usage.ips
         FROM made m
         LEFT JOIN LATERAL (
           SELECT o.id FROM principal o
            WHERE o.account_id = m.account_id AND o.principal_type = 'IAMUser'
              AND (o.name = m.user_name OR o.arn LIKE '%:user/' || m.user_name OR o.arn LIKE '%/' || m.user_name)
            ORDER BY o.id LIMIT 1
         ) owner ON true
         LEFT JOIN LATERAL (
           SELECT count(*) AS calls, min(u.event_time) AS first_use, max(u.event_time) AS last_use,
                  (array_agg(DISTINCT host(u.source_ip)) FILTER (WHERE u.source_ip IS NOT NULL))[1:5] AS ips
             FROM event u WHERE u.principal_id = owner.id AND u.access_key_id = m.access_key_id
         ) usage ON true
        WHERE m.access_key_id IS NOT NULL
     )
     SELECT ${KEY_COLUMNS} FROM k LEFT JOIN principal p ON p.id = k.principal_id ${CREATION_LATERAL}
     ORDER BY cr.event_time`,
    [principalId],
  );
  return { used: used.rows.map(toKey), created: created.rows.map(toKey) };
}
