import type pg from 'pg';
import { getPool } from '@/lib/db/pg-pool';
import type { TimeRange } from '@/lib/overview/time-range';

export interface SourceKindCount {
  /** lib/cloudtrail/ip.ts kinds: public, private, aws-service, aws-internal, invalid ('' if none). */
  kind: string;
  events: number;
}

/** Events by kind of source: the ones the map cannot place are counted here, not dropped. */
export async function getSourceKinds(range: TimeRange, db: pg.Pool = getPool()): Promise<SourceKindCount[]> {
  const { rows } = await db.query<SourceKindCount>(
    `SELECT ip_kind AS kind, sum(events)::int AS events FROM rollup_service_hourly
     WHERE hour >= $1 AND hour < $2 GROUP BY 1 ORDER BY 2 DESC`,
    [range.from, range.to],
  );
  return rows;
}
