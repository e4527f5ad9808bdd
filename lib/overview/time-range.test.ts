import { expect, test } from 'vitest';
import { bucketStarts, chartStepHours, resolveRange } from './time-range';

const data = { from: new Date('2026-10-01T00:00:00Z'), to: new Date('2026-10-31T00:00:00Z') };

test('an open range ends at the data and given bounds are rounded out to whole hours', () => {
  expect(resolveRange({}, data)).toEqual(data);
  expect(resolveRange({ from: new Date('2026-10-05T10:20:00Z') }, data)).toEqual({
    from: new Date('2026-10-05T10:00:00Z'),
    to: data.to,
  });
  expect(resolveRange({ to: new Date('2026-10-05T10:20:00Z') }, data)?.to).toEqual(
    new Date('2026-10-05T11:00:00Z'),
  );
  expect(resolveRange({}, null)).toBeNull();
});

test('a reversed or empty range still covers one hour', () => {
  const at = new Date('2026-10-05T10:00:00Z');
  expect(resolveRange({ from: at, to: at }, data)).toEqual({
    from: at,
    to: new Date('2026-10-05T11:00:00Z'),
  });
});

test('the chart step keeps the number of buckets small', () => {
  expect(chartStepHours({ from: data.from, to: new Date('2026-10-02T00:00:00Z') })).toBe(1);
  expect(chartStepHours(data)).toBe(3);
  const year = { from: data.from, to: new Date('2027-10-01T00:00:00Z') };
  expect(chartStepHours(year)).toBe(168);
  expect(bucketStarts(data, 3)).toHaveLength(240);
});
