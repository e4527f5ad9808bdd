// Rebuilds the per-day activity (principal_day) and the per-day items (principal_day_item) of
// given (principal, day) pairs straight from the events, set-based. Deleting and re-inserting
// whole days keeps the rebuild idempotent however many times a job or a re-run touches a day.

import type pg from 'pg';
import { getJobFiles, jobEventsCondition, jobFilesParams } from '../ingest/job-files';

// The codes lib/cloudtrail's isAccessDeniedCode counts as "denied" (authorisation, not authentication).
const ACCESS_DENIED_RE = String.raw`^(\w+\.)?(AccessDenied\w*|Unauthorized\w*|Forbidden\w*|NotAuthorized\w*|AuthorizationError\w*|AuthorizationException)$`;

/** Creates and fills temp table score_pair(principal_id, day) with the pairs a job's events fall on. */
export async function collectJobPairs(client: pg.PoolClient, jobId: string): Promise<void> {
  await client.query(
    `CREATE TEMP TABLE IF NOT EXISTS score_pair (principal_id bigint, day date) ON COMMIT DROP`,
  );
  const files = await getJobFiles(client, jobId);
  if (!files) return;
  await client.query(
    `INSERT INTO score_pair
     SELECT DISTINCT e.principal_id, (e.event_time AT TIME ZONE 'UTC')::date
     FROM event e WHERE ${jobEventsCondition('e')}`,
    jobFilesParams(files),
  );
}

/** Every (principal, day) with events: a full rebuild. */
export async function collectAllPairs(client: pg.PoolClient): Promise<void> {
  await client.query(
    `CREATE TEMP TABLE IF NOT EXISTS score_pair (principal_id bigint, day date) ON COMMIT DROP`,
  );
  await client.query(
    `INSERT INTO score_pair
     SELECT DISTINCT e.principal_id, (e.event_time AT TIME ZONE 'UTC')::date FROM event e`,
  );
}

/** Rebuilds principal_day and principal_day_item for the pairs in score_pair. */
export async function rebuildDays(client: pg.PoolClient): Promise<void> {
  // The item aggregate is a hash over (principal, day, kind, value); give it room in memory.
  await client.query(`SET LOCAL work_mem = '64MB'`);
  await client.query(`ANALYZE score_pair`);
  await client.query(
    `DELETE FROM principal_day d USING score_pair s WHERE d.principal_id = s.principal_id AND d.day = s.day`,
  );
  await client.query(
    `DELETE FROM principal_day_item d USING score_pair s WHERE d.principal_id = s.principal_id AND d.day = s.day`,
  );
  // The pairs' events once, narrow, with everything the two inserts need already looked up
  // (address, client family, role, bucket, denied), numbered in time order so "the first event
  // that used an item" is min(seq): a hash aggregate instead of a sort of every (event, item).
  await client.query(
    `CREATE TEMP TABLE score_event ON COMMIT DROP AS
     SELECT e.principal_id, e.account_id, s.day, e.event_id, e.event_time,
            row_number() OVER (ORDER BY e.event_time, e.event_id) AS seq,
            extract(hour FROM e.event_time AT TIME ZONE 'UTC')::int AS hour,
            e.error_code IS NOT NULL AS failed,
            coalesce(e.error_code ~ '${ACCESS_DENIED_RE}', false) AS denied,
            e.service, e.event_name, e.region, e.access_key_id,
            CASE WHEN e.ip_kind = 'public' THEN host(e.source_ip) END AS ip,
            ip.asn, ip.as_org, ip.country_code, ip.city, ua.family AS ua_family,
            CASE WHEN e.event_name LIKE 'AssumeRole%' THEN e.detail -> 'requestParameters' ->> 'roleArn' END AS role_arn,
            e.detail -> 'requestParameters' ->> 'bucketName' AS bucket
     FROM score_pair s
     JOIN event e ON e.principal_id = s.principal_id
                 AND e.event_time >= s.day::timestamp AT TIME ZONE 'UTC'
                 AND e.event_time < (s.day + 1)::timestamp AT TIME ZONE 'UTC'
     LEFT JOIN ip_address ip ON e.ip_kind = 'public' AND ip.ip = e.source_ip
     LEFT JOIN user_agent ua ON ua.id = e.user_agent_id`,
  );
  await client.query('CREATE INDEX ON score_event (seq)');
  await client.query('ANALYZE score_event');
  await client.query(
    `INSERT INTO principal_day (principal_id, account_id, day, calls, errors, access_denied,
                                hourly_calls, hourly_errors, services, first_time, last_time)
     WITH hourly AS (
       SELECT principal_id, day, hour, count(*) AS calls, count(*) FILTER (WHERE failed) AS errors
       FROM score_event GROUP BY principal_id, day, hour
     ), arrays AS (
       SELECT h.principal_id, h.day,
              array_agg(coalesce(x.calls, 0)::int ORDER BY h.hour) AS hourly_calls,
              array_agg(coalesce(x.errors, 0)::int ORDER BY h.hour) AS hourly_errors
       FROM (SELECT DISTINCT principal_id, day, g AS hour FROM score_pair, generate_series(0, 23) g) h
       LEFT JOIN hourly x USING (principal_id, day, hour)
       GROUP BY h.principal_id, h.day
     )
     SELECT e.principal_id, min(e.account_id), e.day, count(*), count(*) FILTER (WHERE e.failed),
            count(*) FILTER (WHERE e.denied), a.hourly_calls, a.hourly_errors, count(DISTINCT e.service),
            min(e.event_time), max(e.event_time)
     FROM score_event e JOIN arrays a USING (principal_id, day)
     GROUP BY e.principal_id, e.day, a.hourly_calls, a.hourly_errors`,
  );
  await client.query(
    `INSERT INTO principal_day_item (principal_id, account_id, day, kind, value, calls, first_time, first_event_id)
     WITH items AS (
       SELECT e.principal_id, e.day, k.kind, k.value, count(*) AS calls, min(e.seq) AS first_seq
       FROM score_event e
       CROSS JOIN LATERAL (VALUES
         ('ip', e.ip),
         ('asn', 'AS' || e.asn || coalesce(' ' || e.as_org, '')),
         ('country', e.country_code),
         ('city', e.city || coalesce(', ' || e.country_code, '')),
         ('ua_family', e.ua_family),
         ('service', e.service),
         ('api', coalesce(e.service, '?') || ':' || e.event_name),
         ('region', e.region),
         ('role', e.role_arn),
         ('bucket', e.bucket),
         ('access_key', e.access_key_id)
       ) AS k(kind, value)
       WHERE k.value IS NOT NULL AND k.value <> ''
       GROUP BY e.principal_id, e.day, k.kind, k.value
     )
     SELECT i.principal_id, f.account_id, i.day, i.kind, i.value, i.calls, f.event_time, f.event_id
     FROM items i JOIN score_event f ON f.seq = i.first_seq`,
  );
  await client.query(`DROP TABLE score_event`);
}
