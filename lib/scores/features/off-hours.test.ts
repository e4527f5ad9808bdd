import { describe, expect, test } from 'vitest';
import { offHoursCalls, usualHours } from './off-hours';

function hours(counts: Record<number, number>): number[] {
  return Array.from({ length: 24 }, (_, h) => counts[h] ?? 0);
}

describe('off-hours', () => {
  test('usual hours are those holding at least 1% of the baseline calls', () => {
    // 15:00-23:59 UTC is a Denver working day; one stray call at 03:00 is under 1%.
    const baseline = hours({
      15: 100,
      16: 120,
      17: 90,
      18: 80,
      19: 110,
      20: 100,
      21: 90,
      22: 60,
      23: 40,
      3: 1,
    });
    const usual = usualHours(baseline);
    expect([...usual].sort((a, b) => a - b)).toEqual([15, 16, 17, 18, 19, 20, 21, 22, 23]);
  });

  test('calls outside the usual hours are counted, with their hours', () => {
    const usual = new Set([15, 16, 17]);
    expect(offHoursCalls(hours({ 8: 30, 9: 12, 16: 50 }), usual)).toEqual({ calls: 42, hours: [8, 9] });
    expect(offHoursCalls(hours({ 15: 5, 17: 9 }), usual)).toEqual({ calls: 0, hours: [] });
  });

  test('no baseline activity means no usual hours to be outside of', () => {
    expect(usualHours(hours({})).size).toBe(0);
  });
});
