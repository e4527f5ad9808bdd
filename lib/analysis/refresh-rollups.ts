import type pg from 'pg';
import { inLockedTransaction } from '../db/transaction';
import type { AfterIngestStep } from '../ingest/after-ingest';
import { getJobFiles, jobEventsCondition, jobFilesParams } from '../ingest/job-files';

// Two jobs finishing together must not both delete and re-insert the same hours.
const ROLLUP_LOCK = 7311842009;

// Same codes as lib/cloudtrail's isAccessDeniedCode, which the detections count.
const ACCESS_DENIED = String.raw`e.error_code ~ '^(\w+\.)?(AccessDenied\w*|Unauthorized\w*|Forbidden\w*|NotAuthorized\w*|AuthorizationError\w*|AuthorizationException)$'`;
const MEASURES = `count(*)::int, count(e.error_code)::int, (count(*) FILTER (WHERE ${ACCESS_DENIED}))::int`;
// UTC hours whatever the session's time zone: the principal page reads rollup_ip_hourly by UTC hour.
const HOUR = `date_trunc('hour', e.event_time, 'UTC')`;
const IN_RANGE = 'e.event_time >= $1 AND e.event_time < $2';

const REBUILDS = [
  `INSERT INTO rollup_service_hourly
     SELECT ${HOUR}, e.account_id, coalesce(e.region, ''), coalesce(e.service, ''), p.principal_type,
            coalesce(e.ip_kind, ''), ${MEASURES}
     FROM event e JOIN principal p ON p.id = e.principal_id
     WHERE ${IN_RANGE} GROUP BY 1, 2, 3, 4, 5, 6`,
  `INSERT INTO rollup_principal_hourly
     SELECT ${HOUR}, e.account_id, e.principal_id, ${MEASURES}
     FROM event e WHERE ${IN_RANGE} GROUP BY 1, 2, 3`,
  // With the first and last call: the principal page's address panel reads them (0014).
  `INSERT INTO rollup_ip_hourly
     SELECT ${HOUR}, e.account_id, e.source_ip, e.principal_id, ${MEASURES}, min(e.event_time), max(e.event_time)
     FROM event e WHERE ${IN_RANGE} AND e.source_ip IS NOT NULL GROUP BY 1, 2, 3, 4`,
];
const TABLES = ['rollup_service_hourly', 'rollup_principal_hourly', 'rollup_ip_hourly'];

export interface HourRange {
  from: Date;
  to: Date;
}

/** The whole hours holding the events a job added, or null when it added none. */
export async function getJobHourRange(pool: pg.Pool, jobId: string): Promise<HourRange | null> {
  const files = await getJobFiles(pool, jobId);
  if (!files) return null;
  const { rows } = await pool.query<{ from: Date | null; to: Date | null }>(
    `SELECT date_trunc('hour', min(e.event_time), 'UTC') AS "from",
            date_trunc('hour', max(e.event_time), 'UTC') + interval '1 hour' AS "to"
     FROM event e WHERE ${jobEventsCondition('e')}`,
    jobFilesParams(files),
  );
  const range = rows[0];
  return range?.from && range.to ? { from: range.from, to: range.to } : null;
}

/**
 * Recomputes every rollup for the hours in [from, to) from `event`, in one transaction, so
 * readers see either the old hours or the new ones. Events of other jobs in the same hours are
 * counted again too, which is what makes the result exact whatever order jobs ran in.
 */
export function refreshRollups(pool: pg.Pool, range: HourRange): Promise<void> {
  return inLockedTransaction(pool, ROLLUP_LOCK, async (client) => {
    for (const table of TABLES) {
      await client.query(`DELETE FROM ${table} WHERE hour >= $1 AND hour < $2`, [range.from, range.to]);
    }
    for (const rebuild of REBUILDS) await client.query(rebuild, [range.from, range.to]);
  });
}

export const refreshRollupsStep: AfterIngestStep = {
  name: 'Overview rollups',
  async run(pool, jobId) {
    const range = await getJobHourRange(pool, jobId);
    if (range) await refreshRollups(pool, range);
  },
};
