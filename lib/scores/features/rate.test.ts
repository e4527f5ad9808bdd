import { describe, expect, test } from 'vitest';
import { POISSON_MIN_COUNT, RATE_MIN_COUNT, rateAnomaly } from './rate';

function day(counts: Record<number, number>): number[] {
  return Array.from({ length: 24 }, (_, h) => counts[h] ?? 0);
}

/** 20 baseline days of steady work at 10:00 (about 60 calls, a little jitter). */
const busyBaseline = Array.from({ length: 20 }, (_, i) => day({ 10: 60 + (i % 5) - 2, 11: 30 }));

describe('rateAnomaly', () => {
  test('a spike far above the same hour of the baseline (robust z)', () => {
    const anomaly = rateAnomaly(day({ 10: 400, 11: 30 }), busyBaseline);
    expect(anomaly).toMatchObject({ hour: 10, count: 400, method: 'robust-z', median: 60 });
    expect(anomaly?.value).toBeGreaterThan(4);
    expect(anomaly?.strength).toBe(1);
  });

  test('an ordinary day is not anomalous', () => {
    expect(rateAnomaly(day({ 10: 62, 11: 31 }), busyBaseline)).toBeNull();
  });

  test('a count the principal already reached in some baseline hour is not a spike', () => {
    // 60 at 03:00 is new for that hour, but the principal does 60 an hour every morning.
    expect(rateAnomaly(day({ 3: 60 }), busyBaseline)).toBeNull();
  });

  test('above 3x the median but under 50 an hour does not fire the robust test', () => {
    const quiet = Array.from({ length: 20 }, (_, i) => day({ 9: 10 + (i % 3) }));
    expect(rateAnomaly(day({ 9: RATE_MIN_COUNT - 1 }), quiet)).toBeNull();
    expect(rateAnomaly(day({ 9: 200 }), quiet)?.method).toBe('robust-z');
  });

  test('a sparse hour uses the Poisson tail: 25 errors where there were almost none', () => {
    const sparse = Array.from({ length: 20 }, (_, i) => day({ 14: i === 3 ? 1 : 0 }));
    const anomaly = rateAnomaly(day({ 14: 25 }), sparse);
    expect(anomaly?.method).toBe('poisson');
    expect(anomaly?.pValue).toBeLessThan(1e-4);
    expect(anomaly?.value).toBeGreaterThan(4);
  });

  test('a handful of calls is never a Poisson spike, however unlikely', () => {
    const empty = Array.from({ length: 20 }, () => day({}));
    expect(rateAnomaly(day({ 2: POISSON_MIN_COUNT - 1 }), empty)).toBeNull();
    expect(rateAnomaly(day({ 2: POISSON_MIN_COUNT }), empty)?.method).toBe('poisson');
  });

  test('no baseline, no rate anomaly', () => {
    expect(rateAnomaly(day({ 2: 500 }), [])).toBeNull();
  });
});
