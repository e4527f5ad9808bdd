import type { TimeWindow } from '@/lib/principals/scope';

// The assumed role and the bucket of an event `e`, as the principal page's panels show them:
// shared by the after-ingest rollup (lib/analysis/refresh-principal-rollups.ts) and the raw reads
// of a window's partial hours, so both fold events the same way. Both come from the jsonb
// `detail`, read only for the events that carry them.
export const ROLE_ARN_SQL = `CASE WHEN e.event_name LIKE 'AssumeRole%' THEN e.detail->'requestParameters'->>'roleArn' END`;
export const BUCKET_SQL = `CASE WHEN e.event_source = 's3.amazonaws.com' THEN e.detail->'requestParameters'->>'bucketName' END`;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A window cut where principal_activity_hourly can answer it: the whole UTC hours inside it, and
 * the partial hours at either end (read from raw events). Empty parts have from = to, so the SQL
 * keeps a fixed shape. A window inside one hour is all raw.
 */
export interface HourSplit {
  hours: TimeWindow;
  head: TimeWindow;
  tail: TimeWindow;
}

export function splitAtHours(window: TimeWindow): HourSplit {
  const from = window.from.getTime();
  const to = window.to.getTime();
  const first = Math.ceil(from / HOUR) * HOUR;
  const last = Math.floor(to / HOUR) * HOUR;
  if (first >= last) {
    return { hours: empty(from), head: window, tail: empty(to) };
  }
  return {
    hours: { from: new Date(first), to: new Date(last) },
    head: { from: window.from, to: new Date(first) },
    tail: { from: new Date(last), to: window.to },
  };
}

function empty(at: number): TimeWindow {
  return { from: new Date(at), to: new Date(at) };
}

/** The windows as disjoint ranges in time order (overlapping or touching ones merged, empty ones dropped). */
export function mergeWindows(windows: TimeWindow[]): { from: Date[]; to: Date[] } {
  const sorted = windows
    .filter((w) => w.from.getTime() < w.to.getTime())
    .sort((a, b) => a.from.getTime() - b.from.getTime());
  const merged: TimeWindow[] = [];
  for (const window of sorted) {
    const previous = merged.at(-1);
    if (previous && window.from.getTime() <= previous.to.getTime()) {
      if (window.to.getTime() > previous.to.getTime()) previous.to = window.to;
    } else merged.push({ from: window.from, to: window.to });
  }
  return { from: merged.map((w) => w.from), to: merged.map((w) => w.to) };
}

/** True when the window starts and ends on the same UTC day (account_item_daily cannot tell then). */
export function withinOneDay(window: TimeWindow): boolean {
  return Math.floor(window.from.getTime() / DAY) === Math.floor((window.to.getTime() - 1) / DAY);
}

/** UTC midnight at or before the time. */
export function floorDay(time: Date): Date {
  return new Date(Math.floor(time.getTime() / DAY) * DAY);
}
