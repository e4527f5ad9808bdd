// Off-hours: calls in hours of the day in which the principal is normally idle. An hour is
// "usual" when it holds at least 1% of the principal's baseline calls (anchors section c;
// Timesketch's browser_timeframe reads the same hourly histogram).

export const USUAL_HOUR_SHARE = 0.01;

/** Hours 0-23 (UTC) in which the principal usually works, from its summed baseline histogram. */
export function usualHours(baselineHourly: readonly number[]): Set<number> {
  const total = baselineHourly.reduce((sum, n) => sum + n, 0);
  const hours = new Set<number>();
  if (total === 0) return hours;
  baselineHourly.forEach((n, hour) => {
    if (n / total >= USUAL_HOUR_SHARE) hours.add(hour);
  });
  return hours;
}

/** Calls of the day that fell outside the usual hours, and in which hours. */
export function offHoursCalls(
  dayHourly: readonly number[],
  usual: ReadonlySet<number>,
): { calls: number; hours: number[] } {
  let calls = 0;
  const hours: number[] = [];
  dayHourly.forEach((n, hour) => {
    if (n > 0 && !usual.has(hour)) {
      calls += n;
      hours.push(hour);
    }
  });
  return { calls, hours };
}
