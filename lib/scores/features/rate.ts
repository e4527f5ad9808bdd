// Rate: an hour with far more calls (or errors) than the same hour of the baseline days.
// Thresholds from anchors section c: robust z >= 4 AND at least 3x the median AND at least 50 an
// hour; when that hour's baseline median is small (a MAD near 0 says nothing), a Poisson tail
// p < 1e-4 instead. Neither fires for a count the principal has already reached in some baseline
// hour: a nightly job's burst at a new hour is not a spike.

import { mad, median, poissonUpperTail, robustZ } from './stats';

export const RATE_Z = 4;
export const RATE_MEDIAN_MULTIPLE = 3;
export const RATE_MIN_COUNT = 50;
export const POISSON_P = 1e-4;
/** Below this median the Poisson tail decides. */
export const POISSON_MEDIAN_BELOW = 5;
/** A Poisson "spike" of a handful of calls is noise, however unlikely. */
export const POISSON_MIN_COUNT = 10;

export interface RateAnomaly {
  hour: number;
  count: number;
  median: number;
  mad: number;
  method: 'robust-z' | 'poisson';
  /** Robust z, or -log10(p) for the Poisson method. */
  value: number;
  pValue?: number;
  /** 0-1: 0.5 at the threshold, 1 twice as far beyond it. */
  strength: number;
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/** The strongest anomalous hour of the day, or null. baselineDays[d][h] = count on day d, hour h. */
export function rateAnomaly(
  dayHourly: readonly number[],
  baselineDays: readonly (readonly number[])[],
): RateAnomaly | null {
  if (baselineDays.length === 0) return null;
  const baselineMax = Math.max(0, ...baselineDays.flat());
  let best: RateAnomaly | null = null;
  dayHourly.forEach((count, hour) => {
    if (count <= baselineMax) return;
    const sameHour = baselineDays.map((day) => day[hour] ?? 0);
    const m = median(sameHour);
    const spread = mad(sameHour);
    let candidate: RateAnomaly | null = null;
    if (m < POISSON_MEDIAN_BELOW) {
      if (count < POISSON_MIN_COUNT) return;
      // Half a call per baseline period keeps an hour with no calls at all from having lambda 0.
      const lambda = Math.max(sameHour.reduce((s, n) => s + n, 0) / sameHour.length, 0.5 / sameHour.length);
      const p = poissonUpperTail(count, lambda);
      if (p >= POISSON_P) return;
      const value = -Math.log10(Math.max(p, Number.MIN_VALUE));
      candidate = {
        hour,
        count,
        median: m,
        mad: spread,
        method: 'poisson',
        value,
        pValue: p,
        strength: clamp01(0.5 + (value - 4) / 8),
      };
    } else {
      const z = robustZ(count, sameHour);
      if (z < RATE_Z || count < RATE_MEDIAN_MULTIPLE * m || count < RATE_MIN_COUNT) return;
      const value = Number.isFinite(z) ? z : 2 * RATE_Z * 2;
      candidate = {
        hour,
        count,
        median: m,
        mad: spread,
        method: 'robust-z',
        value,
        strength: clamp01(0.5 + (value - RATE_Z) / (2 * RATE_Z)),
      };
    }
    if (
      !best ||
      candidate.strength > best.strength ||
      (candidate.strength === best.strength && candidate.count > best.count)
    ) {
      best = candidate;
    }
  });
  return best;
}
