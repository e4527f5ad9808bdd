// The dashboards read hourly rollups, so their ranges are whole hours: `from` is rounded down and
// `to` up, and a range the URL leaves open ends at the data's own first or last hour.

const HOUR_MS = 3_600_000;
// Bucket widths the volume chart may use, smallest first; the first that keeps the chart under
// MAX_BUCKETS wins, so a day shows hours and a month shows 3-hour steps.
const STEP_HOURS = [1, 3, 6, 12, 24, 168] as const;
const MAX_BUCKETS = 240;
const WIDEST_STEP = 168;

export interface TimeRange {
  from: Date;
  to: Date;
}

export function floorHour(date: Date): Date {
  return new Date(Math.floor(date.getTime() / HOUR_MS) * HOUR_MS);
}

export function ceilHour(date: Date): Date {
  return new Date(Math.ceil(date.getTime() / HOUR_MS) * HOUR_MS);
}

/** The range to show: the URL's bounds where given, else the data's; null when there is no data. */
export function resolveRange(
  requested: { from?: Date; to?: Date },
  data: TimeRange | null,
): TimeRange | null {
  const from = requested.from ? floorHour(requested.from) : data?.from;
  const to = requested.to ? ceilHour(requested.to) : data?.to;
  if (!from || !to) return null;
  return to > from ? { from, to } : { from, to: new Date(from.getTime() + HOUR_MS) };
}

export function chartStepHours(range: TimeRange): number {
  const hours = (range.to.getTime() - range.from.getTime()) / HOUR_MS;
  return STEP_HOURS.find((step) => hours / step <= MAX_BUCKETS) ?? WIDEST_STEP;
}

/** Bucket start times from `from` (inclusive) to `to` (exclusive), `stepHours` apart. */
export function bucketStarts(range: TimeRange, stepHours: number): Date[] {
  const starts: Date[] = [];
  for (let t = range.from.getTime(); t < range.to.getTime(); t += stepHours * HOUR_MS)
    starts.push(new Date(t));
  return starts;
}
