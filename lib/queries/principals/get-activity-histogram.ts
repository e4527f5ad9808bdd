import type { TimeWindow } from '@/lib/principals/scope';
import { ACCESS_DENIED_SQL, type Db } from './db';

const MINUTE = 60_000;
// Bucket widths a person reads easily; the first giving at most MAX_BUCKETS bars wins.
const BUCKET_MINUTES = [1, 5, 15, 30, 60, 180, 360, 720, 1440, 10080];
const MAX_BUCKETS = 120;
/** Services drawn as their own colour; the rest are summed as "other". */
export const TOP_SERVICES = 6;
export const OTHER_SERVICE = 'other';

export interface HistogramBucket {
  /** Bucket start, ms since epoch. */
  start: number;
  total: number;
  errors: number;
  denied: number;
  byService: Record<string, number>;
}

export interface ActivityHistogram {
  bucketMs: number;
  services: string[];
  buckets: HistogramBucket[];
}

export function bucketMinutesFor(window: TimeWindow): number {
  const span = window.to.getTime() - window.from.getTime();
  return BUCKET_MINUTES.find((minutes) => span / (minutes * MINUTE) <= MAX_BUCKETS) ?? 10080;
}

/**
 * Calls per time bucket in the scope, split by service, with errors and access-denied counts.
 * Every bucket of the window is present (empty ones with zeros), so brushing maps bar index to time.
 */
export async function getActivityHistogram(
  db: Db,
  principalId: string,
  window: TimeWindow,
): Promise<ActivityHistogram> {
  const minutes = bucketMinutesFor(window);
  const bucketMs = minutes * MINUTE;
  const { rows } = await db.query<{
    start: Date;
    service: string;
    n: number;
    errors: number;
    denied: number;
  }>(
    `SELECT date_bin(make_interval(mins => $4), e.event_time, $2::timestamptz) AS start,
            coalesce(e.service, 'unknown') AS service,
            count(*)::int AS n,
            count(*) FILTER (WHERE e.error_code IS NOT NULL)::int AS errors,
            count(*) FILTER (WHERE ${ACCESS_DENIED_SQL})::int AS denied
       FROM event e
      WHERE e.principal_id = $1 AND e.event_time >= $2 AND e.event_time < $3
      GROUP BY 1, 2`,
    [principalId, window.from, window.to, minutes],
  );

  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.service, (totals.get(row.service) ?? 0) + row.n);
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = ranked.slice(0, TOP_SERVICES).map(([service]) => service);
  const services = ranked.length > TOP_SERVICES ? [...shown, OTHER_SERVICE] : shown;

  const buckets: HistogramBucket[] = [];
  const index = new Map<number, HistogramBucket>();
  const first = window.from.getTime();
  for (let start = first; start < window.to.getTime(); start += bucketMs) {
    const bucket: HistogramBucket = { start, total: 0, errors: 0, denied: 0, byService: {} };
    buckets.push(bucket);
    index.set(start, bucket);
  }
  for (const row of rows) {
    const bucket = index.get(row.start.getTime());
    if (!bucket) continue;
    const service = shown.includes(row.service) ? row.service : OTHER_SERVICE;
    bucket.byService[service] = (bucket.byService[service] ?? 0) + row.n;
    bucket.total += row.n;
    bucket.errors += row.errors;
    bucket.denied += row.denied;
  }
  return { bucketMs, services, buckets };
}
