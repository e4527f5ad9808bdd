import type pg from 'pg';
import { inLockedTransaction } from '../db/transaction';
import type { AfterIngestStep } from '../ingest/after-ingest';
import { getJobFiles, jobEventsCondition, jobFilesParams } from '../ingest/job-files';
import { BUCKET_SQL, ROLE_ARN_SQL } from '../queries/principals/activity-sql';

// Two jobs finishing together must not both delete and re-insert the same principal hours.
const PRINCIPAL_ROLLUP_LOCK = 7311842014;

const HOUR = `date_trunc('hour', e.event_time, 'UTC')`;
const ASSUME_ROLE_NAMES = `('AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity')`;
const ISSUED_KEY = `e.detail->'responseElements'->'credentials'->>'accessKeyId'`;
const HAS_KEY = `e.access_key_id IS NOT NULL AND e.access_key_id <> ''`;

/**
 * Where a rebuild reads: every event of the hours a job touched (each row of those hours is
 * counted again, whichever job brought it), or every stored event.
 */
interface Source {
  /** FROM list naming `event e`: the events of the hours to rebuild. */
  hourEvents: string;
  /** Condition on `e`: the events that are new (what the set-valued tables merge in). */
  newEvents: string;
  /** FROM list naming `<table> r`, restricted to the rebuilt hours. */
  rolled(table: string): string;
}

const JOB: Source = {
  hourEvents: `touched_hour t JOIN event e ON e.principal_id = t.principal_id
    AND e.event_time >= t.hour AND e.event_time < t.hour + interval '1 hour'`,
  // $1-$3: the job's files (lib/ingest/job-files.ts).
  newEvents: jobEventsCondition('e'),
  rolled: (table) => `touched_hour t JOIN ${table} r ON r.principal_id = t.principal_id AND r.hour = t.hour`,
};

const ALL: Source = {
  hourEvents: 'event e',
  newEvents: 'true',
  rolled: (table) => `${table} r`,
};

// Rows are written in (principal, hour) order: a principal's rows are read together, and this
// way they share heap pages.
const insertActivity = (source: Source) => `
INSERT INTO principal_activity_hourly (principal_id, hour, account_id, user_agent_id, service, event_name,
                                       region, access_key_id, role_arn, bucket, events, first_at, last_at)
SELECT e.principal_id, ${HOUR}, e.account_id, e.user_agent_id, e.service, e.event_name, e.region,
       e.access_key_id, ${ROLE_ARN_SQL}, ${BUCKET_SQL}, count(*)::int, min(e.event_time), max(e.event_time)
  FROM ${source.hourEvents}
 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
 ORDER BY 1, 2`;

// Addresses come from rollup_ip_hourly, which the overview rollups step (run before this one)
// keeps with the same per (principal, hour, address) grain and first and last call.
// First and last use per account day only ever widen as events arrive, so the rebuilt hours'
// rows are merged in with least/greatest rather than recounting the whole account day. One
// pass groups the rows by every dimension at once (grouping sets), before anything is unnested.
const ACCOUNT_DIMENSIONS = [
  ['api', 'r.event_name'],
  ['service', 'r.service'],
  ['region', 'r.region'],
  ['ua', 'ua.family'],
  ['role', 'r.role_arn'],
  ['bucket', 'r.bucket'],
] as const;

const DAY = `date_trunc('day', r.hour, 'UTC')`;

const upsertAccountItems = (source: Source) => `
INSERT INTO account_item_daily (account_id, dim, value, day, first_at, last_at)
SELECT account_id, dim, value, day, first_at, last_at FROM (
  SELECT r.account_id, ${DAY} AS day,
         CASE ${ACCOUNT_DIMENSIONS.map(([dim, column]) => `WHEN GROUPING(${column}) = 0 THEN '${dim}'`).join(' ')} END AS dim,
         coalesce(${ACCOUNT_DIMENSIONS.map(([, column]) => `CASE WHEN GROUPING(${column}) = 0 THEN ${column} END`).join(', ')}) AS value,
         min(r.first_at) AS first_at, max(r.last_at) AS last_at
    FROM ${source.rolled('principal_activity_hourly')}
    LEFT JOIN user_agent ua ON ua.id = r.user_agent_id
   GROUP BY GROUPING SETS (${ACCOUNT_DIMENSIONS.map(([, column]) => `(r.account_id, ${DAY}, ${column})`).join(', ')})
  UNION ALL
  SELECT p.account_id, ${DAY}, 'ip', host(r.source_ip), min(r.first_at), max(r.last_at)
    FROM ${source.rolled('rollup_ip_hourly')} JOIN principal p ON p.id = r.principal_id
   GROUP BY 1, 2, 4
) AS used
 WHERE value IS NOT NULL AND value <> ''
ON CONFLICT (account_id, dim, value, day) DO UPDATE
   SET first_at = least(account_item_daily.first_at, EXCLUDED.first_at),
       last_at = greatest(account_item_daily.last_at, EXCLUDED.last_at)`;

// The first five addresses of a key in text order (the collation array_agg(DISTINCT ...) sorts
// by): the new events' five merged with the stored five give the five of all events.
const upsertKeyIps = (source: Source) => `
INSERT INTO access_key_ips (principal_id, access_key_id, ips)
SELECT principal_id, access_key_id, (array_agg(host(source_ip) ORDER BY host(source_ip)))[1:5] FROM (
  SELECT DISTINCT e.principal_id, e.access_key_id, e.source_ip FROM event e
   WHERE ${source.newEvents} AND ${HAS_KEY} AND e.source_ip IS NOT NULL
) AS used
 GROUP BY 1, 2
ON CONFLICT (principal_id, access_key_id) DO UPDATE
   SET ips = (SELECT array_agg(ip ORDER BY ip) FROM (
                SELECT DISTINCT ip FROM unnest(access_key_ips.ips || EXCLUDED.ips) AS ip ORDER BY 1 LIMIT 5
              ) AS merged)`;

// An event row is written once (ingest skips a record it already holds), so a credential is
// inserted once too; ON CONFLICT makes a re-run of the same job harmless.
const insertIssuedCredentials = (source: Source) => `
INSERT INTO issued_credential (account_id, event_id, event_time, access_key_id, event_name, principal_id,
                               role_arn, session_name, source_ip)
SELECT e.account_id, e.event_id, e.event_time, ${ISSUED_KEY}, e.event_name, e.principal_id,
       e.detail->'requestParameters'->>'roleArn', e.detail->'requestParameters'->>'roleSessionName', e.source_ip
  FROM event e
 WHERE ${source.newEvents} AND e.event_name IN ${ASSUME_ROLE_NAMES} AND e.error_code IS NULL
   AND ${ISSUED_KEY} IS NOT NULL
ON CONFLICT DO NOTHING`;

const fill = (source: Source) => [
  insertActivity(source),
  upsertAccountItems(source),
  upsertKeyIps(source),
  insertIssuedCredentials(source),
];

// The (principal, hour) pairs the job added events to: late or out-of-order deliveries into an
// hour already rolled up come out exact, and so does a re-run of the same job.
const JOB_STATEMENTS = [
  `CREATE TEMP TABLE touched_hour ON COMMIT DROP AS
     SELECT DISTINCT e.principal_id, ${HOUR} AS hour FROM event e WHERE ${JOB.newEvents}`,
  'ANALYZE touched_hour',
  'DELETE FROM principal_activity_hourly r USING touched_hour t WHERE r.principal_id = t.principal_id AND r.hour = t.hour',
  ...fill(JOB),
];

/** The statements of a rebuild from every stored event (also the backfill of migration 0014). */
export const FULL_REBUILD_STATEMENTS = [
  'TRUNCATE principal_activity_hourly, account_item_daily, access_key_ips, issued_credential',
  ...fill(ALL),
];

function inTransaction(pool: pg.Pool, statements: string[], params: unknown[]): Promise<void> {
  return inLockedTransaction(pool, PRINCIPAL_ROLLUP_LOCK, async (client) => {
    // Statements that name the job's parameters get them; the others take none.
    for (const sql of statements) await client.query(sql, /\$\d/.test(sql) ? params : []);
  });
}

/** Re-rolls every principal hour the job's events fall in, and merges in what they add. */
export async function refreshPrincipalRollups(pool: pg.Pool, jobId: string): Promise<void> {
  const files = await getJobFiles(pool, jobId);
  if (!files) return;
  // The first load rolls up every stored event anyway, and a plain pass over them is cheaper
  // than looking up each of its hours.
  const { rows } = await pool.query<{ empty: boolean }>(
    'SELECT NOT EXISTS (SELECT 1 FROM principal_activity_hourly) AS empty',
  );
  if (rows[0]?.empty) await rebuildPrincipalRollups(pool);
  else await inTransaction(pool, JOB_STATEMENTS, jobFilesParams(files));
}

/** Rebuilds the principal rollups from every stored event (`analyze --full`). */
export async function rebuildPrincipalRollups(pool: pg.Pool): Promise<void> {
  await inTransaction(pool, FULL_REBUILD_STATEMENTS, []);
}

export const refreshPrincipalRollupsStep: AfterIngestStep = {
  name: 'Principal rollups',
  run: (pool, jobId) => refreshPrincipalRollups(pool, jobId),
};
