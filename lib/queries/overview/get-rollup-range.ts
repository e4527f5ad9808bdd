import type pg from 'pg';
import { getPool } from '@/lib/db/pg-pool';
import type { TimeRange } from '@/lib/overview/time-range';

/** The first and last hour with events (the rollup key's leading column: two index probes). */
export async function getRollupRange(db: pg.Pool = getPool()): Promise<TimeRange | null> {
  const { rows } = await db.query<{ from: Date | null; to: Date | null }>(
    `SELECT (SELECT min(hour) FROM rollup_service_hourly) AS "from",
            (SELECT max(hour) FROM rollup_service_hourly) + interval '1 hour' AS "to"`,
  );
  const range = rows[0];
  return range?.from && range.to ? { from: range.from, to: range.to } : null;
}
