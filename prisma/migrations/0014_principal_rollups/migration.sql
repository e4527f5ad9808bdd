-- The principal page's precomputed reads, so it answers from rollups instead of every raw event
-- of a busy principal (docs/principals.md, "Queries and their cost").
--
-- Maintained by the after-ingest step in lib/analysis/refresh-principal-rollups.ts. It recomputes
-- every (principal, hour) a job touched from `event` itself, so late or out-of-order deliveries
-- into an hour already rolled up, a re-run, or a crash half-way leave exact counts. The tables
-- without counts only keep a minimum, a maximum or a set, which re-applying cannot change, and
-- are upserted: events are never deleted, so they only grow. All hours and days are UTC.

-- Per principal and hour, the distinct combinations of the columns the "Newly observed" panels,
-- the access-key panel and the session activity read (all but the source address), with their
-- calls and first/last call. A busy machine principal repeats a handful of them an hour, and the
-- jsonb `detail` (AssumeRole roleArn, S3 bucketName) is read once here, not on every page view.
CREATE TABLE principal_activity_hourly (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  principal_id bigint NOT NULL,
  hour timestamptz(3) NOT NULL,
  account_id text NOT NULL,
  user_agent_id bigint,
  service text,
  event_name text,
  region text,
  access_key_id text,
  role_arn text,
  bucket text,
  events integer NOT NULL,
  first_at timestamptz(3) NOT NULL,
  last_at timestamptz(3) NOT NULL
);
CREATE INDEX principal_activity_hourly_hour_idx ON principal_activity_hourly (principal_id, hour);
-- A key's use: a session's keys, and the calls made with the keys its AssumeRoles returned.
CREATE INDEX principal_activity_hourly_key_idx ON principal_activity_hourly (principal_id, access_key_id)
  WHERE access_key_id IS NOT NULL;

-- Per principal, hour and source address, the IP panel reads rollup_ip_hourly (0009, kept by the
-- overview rollups step, which runs first), with the first and last call it now also records;
-- through ip_address at query time it gives the ASN, country and city panels, so re-enriching an
-- address never leaves a rollup stale. Rows written before this migration are rebuilt with them.
TRUNCATE rollup_ip_hourly;
ALTER TABLE rollup_ip_hourly
  ADD COLUMN first_at timestamptz(3) NOT NULL,
  ADD COLUMN last_at timestamptz(3) NOT NULL;
INSERT INTO rollup_ip_hourly (hour, account_id, source_ip, principal_id, events, errors, access_denied,
                              first_at, last_at)
SELECT date_trunc('hour', e.event_time, 'UTC'), e.account_id, e.source_ip, e.principal_id, count(*)::int,
       count(e.error_code)::int,
       (count(*) FILTER (WHERE e.error_code ~ '^(\w+\.)?(AccessDenied\w*|Unauthorized\w*|Forbidden\w*|NotAuthorized\w*|AuthorizationError\w*|AuthorizationException)$'))::int,
       min(e.event_time), max(e.event_time)
  FROM event e
 WHERE e.source_ip IS NOT NULL
 GROUP BY 1, 2, 3, 4;
CREATE INDEX rollup_ip_hourly_principal_idx ON rollup_ip_hourly (principal_id, hour);

-- Per account, panel dimension, value and UTC day: when anyone in the account first and last used
-- the value that day. Answers "new to the account" for any baseline window exactly: a window
-- holds a use iff some day's first_at or last_at falls inside it (a day wholly inside holds both;
-- an edge day holds the one on the inside). The one exception, a window inside a single day,
-- reads raw events. Geography goes through the 'ip' rows and ip_address.
CREATE TABLE account_item_daily (
  account_id text NOT NULL,
  dim text NOT NULL,
  value text NOT NULL,
  day timestamptz(3) NOT NULL,
  first_at timestamptz(3) NOT NULL,
  last_at timestamptz(3) NOT NULL,
  PRIMARY KEY (account_id, dim, value, day)
);

-- Per principal and access key, the first five source addresses in text order (what the
-- access-key panel and the session activity show), so they are not collected from every call.
CREATE TABLE access_key_ips (
  principal_id bigint NOT NULL,
  access_key_id text NOT NULL,
  ips text[] NOT NULL,
  PRIMARY KEY (principal_id, access_key_id)
);

-- The temporary credentials successful AssumeRole* calls returned
-- (responseElements.credentials.accessKeyId): a role session's origins are a key lookup here.
CREATE TABLE issued_credential (
  account_id text NOT NULL,
  event_id text NOT NULL,
  event_time timestamptz(3) NOT NULL,
  access_key_id text NOT NULL,
  event_name text NOT NULL,
  principal_id bigint NOT NULL,
  role_arn text,
  session_name text,
  source_ip inet,
  PRIMARY KEY (account_id, event_id, event_time)
);
CREATE INDEX issued_credential_key_idx ON issued_credential (access_key_id);

-- Events loaded before this migration: rolled up once here, with the statements of the step's
-- full rebuild (FULL_REBUILD_STATEMENTS in lib/analysis/refresh-principal-rollups.ts), so an
-- upgraded database opens on complete principal pages.
INSERT INTO principal_activity_hourly (principal_id, hour, account_id, user_agent_id, service, event_name,
                                       region, access_key_id, role_arn, bucket, events, first_at, last_at)
SELECT e.principal_id, date_trunc('hour', e.event_time, 'UTC'), e.account_id, e.user_agent_id, e.service, e.event_name, e.region,
       e.access_key_id, CASE WHEN e.event_name LIKE 'AssumeRole%' THEN e.detail->'requestParameters'->>'roleArn' END, CASE WHEN e.event_source = 's3.amazonaws.com' THEN e.detail->'requestParameters'->>'bucketName' END, count(*)::int, min(e.event_time), max(e.event_time)
  FROM event e
 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
 ORDER BY 1, 2;

INSERT INTO account_item_daily (account_id, dim, value, day, first_at, last_at)
SELECT account_id, dim, value, day, first_at, last_at FROM (
  SELECT r.account_id, date_trunc('day', r.hour, 'UTC') AS day,
         CASE WHEN GROUPING(r.event_name) = 0 THEN 'api' WHEN GROUPING(r.service) = 0 THEN 'service' WHEN GROUPING(r.region) = 0 THEN 'region' WHEN GROUPING(ua.family) = 0 THEN 'ua' WHEN GROUPING(r.role_arn) = 0 THEN 'role' WHEN GROUPING(r.bucket) = 0 THEN 'bucket' END AS dim,
         coalesce(CASE WHEN GROUPING(r.event_name) = 0 THEN r.event_name END, CASE WHEN GROUPING(r.service) = 0 THEN r.service END, CASE WHEN GROUPING(r.region) = 0 THEN r.region END, CASE WHEN GROUPING(ua.family) = 0 THEN ua.family END, CASE WHEN GROUPING(r.role_arn) = 0 THEN r.role_arn END, CASE WHEN GROUPING(r.bucket) = 0 THEN r.bucket END) AS value,
         min(r.first_at) AS first_at, max(r.last_at) AS last_at
    FROM principal_activity_hourly r
    LEFT JOIN user_agent ua ON ua.id = r.user_agent_id
   GROUP BY GROUPING SETS ((r.account_id, date_trunc('day', r.hour, 'UTC'), r.event_name), (r.account_id, date_trunc('day', r.hour, 'UTC'), r.service), (r.account_id, date_trunc('day', r.hour, 'UTC'), r.region), (r.account_id, date_trunc('day', r.hour, 'UTC'), ua.family), (r.account_id, date_trunc('day', r.hour, 'UTC'), r.role_arn), (r.account_id, date_trunc('day', r.hour, 'UTC'), r.bucket))
  UNION ALL
  SELECT p.account_id, date_trunc('day', r.hour, 'UTC'), 'ip', host(r.source_ip), min(r.first_at), max(r.last_at)
    FROM rollup_ip_hourly r JOIN principal p ON p.id = r.principal_id
   GROUP BY 1, 2, 4
) AS used
 WHERE value IS NOT NULL AND value <> ''
ON CONFLICT (account_id, dim, value, day) DO UPDATE
   SET first_at = least(account_item_daily.first_at, EXCLUDED.first_at),
       last_at = greatest(account_item_daily.last_at, EXCLUDED.last_at);

INSERT INTO access_key_ips (principal_id, access_key_id, ips)
SELECT principal_id, access_key_id, (array_agg(host(source_ip) ORDER BY host(source_ip)))[1:5] FROM (
  SELECT DISTINCT e.principal_id, e.access_key_id, e.source_ip FROM event e
   WHERE e.access_key_id IS NOT NULL AND e.access_key_id <> '' AND e.source_ip IS NOT NULL
) AS used
 GROUP BY 1, 2
ON CONFLICT (principal_id, access_key_id) DO UPDATE
   SET ips = (SELECT array_agg(ip ORDER BY ip) FROM (
                SELECT DISTINCT ip FROM unnest(access_key_ips.ips || EXCLUDED.ips) AS ip ORDER BY 1 LIMIT 5
              ) AS merged);

INSERT INTO issued_credential (account_id, event_id, event_time, access_key_id, event_name, principal_id,
                               role_arn, session_name, source_ip)
SELECT e.account_id, e.event_id, e.event_time, e.detail->'responseElements'->'credentials'->>'accessKeyId', e.event_name, e.principal_id,
       e.detail->'requestParameters'->>'roleArn', e.detail->'requestParameters'->>'roleSessionName', e.source_ip
  FROM event e
 WHERE e.event_name IN ('AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity') AND e.error_code IS NULL
   AND e.detail->'responseElements'->'credentials'->>'accessKeyId' IS NOT NULL
ON CONFLICT DO NOTHING;
