import { describe, expect, test } from 'vitest';
import { MAD_SCALE, mad, median, poissonUpperTail, robustZ } from './stats';

describe('median and MAD', () => {
  test('odd, even and empty inputs', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
    expect(mad([1, 1, 2, 2, 4, 6, 9])).toBe(1);
  });

  test('an outlier in the baseline does not move the robust spread', () => {
    const calm = [10, 11, 9, 10, 12, 10, 9, 11];
    expect(mad([...calm, 10_000])).toBe(mad([...calm, 12]));
  });
});

describe('robustZ', () => {
  test('is (x - median) / (1.4826 * MAD)', () => {
    const baseline = [8, 10, 12, 10, 10, 9, 11];
    expect(robustZ(20, baseline)).toBeCloseTo((20 - 10) / (MAD_SCALE * 1), 10);
    expect(robustZ(10, baseline)).toBe(0);
    expect(robustZ(5, baseline)).toBeLessThan(0);
  });

  test('a constant baseline has no spread: above it is infinitely unusual, at or below it is not', () => {
    expect(robustZ(3, [2, 2, 2])).toBe(Number.POSITIVE_INFINITY);
    expect(robustZ(2, [2, 2, 2])).toBe(0);
  });
});

describe('poissonUpperTail', () => {
  test('matches the closed form for small counts', () => {
    const lambda = 1.5;
    const cdf2 = Math.exp(-lambda) * (1 + lambda + lambda ** 2 / 2);
    expect(poissonUpperTail(3, lambda)).toBeCloseTo(1 - cdf2, 12);
    expect(poissonUpperTail(1, lambda)).toBeCloseTo(1 - Math.exp(-lambda), 12);
  });

  test('edge cases: nothing observed, a zero rate', () => {
    expect(poissonUpperTail(0, 2)).toBe(1);
    expect(poissonUpperTail(5, 0)).toBe(0);
  });

  test('far tails stay finite, positive and monotone instead of underflowing', () => {
    const p40 = poissonUpperTail(40, 0.2);
    const p80 = poissonUpperTail(80, 0.2);
    expect(p40).toBeGreaterThan(0);
    expect(p80).toBeGreaterThan(0);
    expect(p80).toBeLessThan(p40);
    expect(p40).toBeLessThan(1e-40);
  });

  test('the upper sum and 1 - CDF agree where both are accurate', () => {
    // x just above lambda takes the upper-sum path; compare with the CDF computed directly.
    const lambda = 6;
    let cdf = 0;
    let term = Math.exp(-lambda);
    for (let k = 0; k < 9; k++) {
      cdf += term;
      term *= lambda / (k + 1);
    }
    expect(poissonUpperTail(9, lambda)).toBeCloseTo(1 - cdf, 10);
  });
});
