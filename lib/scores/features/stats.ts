// Robust statistics for the rate features: median/MAD z-scores (outliers in the baseline do not
// inflate the spread the way they inflate a standard deviation) and a Poisson upper tail for
// hours whose baseline is too sparse for a MAD to mean anything.

/** The 1.4826 factor makes MAD estimate the standard deviation of normally distributed data. */
export const MAD_SCALE = 1.4826;

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Median absolute deviation from the median. */
export function mad(values: readonly number[]): number {
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}

/**
 * (x - median) / (1.4826 * MAD). A MAD of 0 (most baseline hours identical) has no spread to
 * measure against: Infinity when x is above the median, 0 otherwise; callers then use the
 * Poisson tail instead.
 */
export function robustZ(x: number, baseline: readonly number[]): number {
  const m = median(baseline);
  const spread = MAD_SCALE * mad(baseline);
  if (spread === 0) return x > m ? Number.POSITIVE_INFINITY : 0;
  return (x - m) / spread;
}

/**
 * P(X >= x) for X ~ Poisson(lambda): the chance of seeing at least x calls in an hour whose
 * baseline rate is lambda. Summed in log space so large x does not underflow to NaN.
 */
export function poissonUpperTail(x: number, lambda: number): number {
  if (x <= 0) return 1;
  if (lambda <= 0) return 0;
  // P(X >= x) = 1 - P(X <= x - 1); for x far above lambda sum the upper terms directly.
  if (x > lambda) {
    let logTerm = x * Math.log(lambda) - lambda - logFactorial(x);
    let sum = 0;
    for (let k = x; k < x + 1000; k++) {
      const term = Math.exp(logTerm);
      sum += term;
      if (term < sum * 1e-15) break;
      logTerm += Math.log(lambda) - Math.log(k + 1);
    }
    return Math.min(1, sum);
  }
  let cdf = 0;
  let logTerm = -lambda;
  for (let k = 0; k < x; k++) {
    cdf += Math.exp(logTerm);
    logTerm += Math.log(lambda) - Math.log(k + 1);
  }
  return Math.max(0, 1 - cdf);
}

function logFactorial(n: number): number {
  let sum = 0;
  for (let k = 2; k <= n; k++) sum += Math.log(k);
  return sum;
}
