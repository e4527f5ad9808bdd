import type pg from 'pg';
import { getPool } from '@/lib/db/pg-pool';
import type { VolumeGrouping } from '@/lib/overview/search-params';
import { bucketStarts, type TimeRange } from '@/lib/overview/time-range';

// More stacked series than this is unreadable; the rest are summed into "Other".
const MAX_SERIES = 7;
export const OTHER_SERIES = 'Other';

// Column names only, chosen from a fixed map: never text from the URL.
const GROUP_COLUMN: Record<VolumeGrouping, string> = {
  service: 'service',
  account: 'account_id',
  ptype: 'principal_type',
};

export interface VolumeBucket {
  /** ISO start of the bucket. */
  start: string;
  total: number;
  errors: number;
  accessDenied: number;
  /** Events per series key, for the keys in VolumeSeries.keys. */
  counts: Record<string, number>;
}

export interface VolumeSeries {
  stepHours: number;
  keys: string[];
  buckets: VolumeBucket[];
}

export async function getVolumeSeries(
  range: TimeRange,
  by: VolumeGrouping,
  stepHours: number,
  db: pg.Pool = getPool(),
): Promise<VolumeSeries> {
  const column = GROUP_COLUMN[by];
  const { rows } = await db.query<{
    bucket: Date;
    key: string;
    events: number;
    errors: number;
    denied: number;
  }>(
    `SELECT date_bin(make_interval(hours => $3), hour, $1) AS bucket, ${column} AS key,
            sum(events)::int AS events, sum(errors)::int AS errors, sum(access_denied)::int AS denied
     FROM rollup_service_hourly WHERE hour >= $1 AND hour < $2 GROUP BY 1, 2`,
    [range.from, range.to, stepHours],
  );
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.key, (totals.get(row.key) ?? 0) + row.events);
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([key]) => key);
  const shown = ranked.length > MAX_SERIES + 1 ? ranked.slice(0, MAX_SERIES) : ranked;
  const keys = shown.length < ranked.length ? [...shown, OTHER_SERIES] : shown;
  const shownSet = new Set(shown);

  const buckets = new Map<number, VolumeBucket>();
  for (const start of bucketStarts(range, stepHours)) {
    const counts = Object.fromEntries(keys.map((key) => [key, 0]));
    buckets.set(start.getTime(), {
      start: start.toISOString(),
      total: 0,
      errors: 0,
      accessDenied: 0,
      counts,
    });
  }
  for (const row of rows) {
    const bucket = buckets.get(row.bucket.getTime());
    if (!bucket) continue;
    const key = shownSet.has(row.key) ? row.key : OTHER_SERIES;
    bucket.counts[key] = (bucket.counts[key] ?? 0) + row.events;
    bucket.total += row.events;
    bucket.errors += row.errors;
    bucket.accessDenied += row.denied;
  }
  return { stepHours, keys, buckets: [...buckets.values()] };
}
