import { expect, test } from 'vitest';
import { pageHref } from './page-href';
import { parseGeoParams, parseOverviewParams } from './search-params';

test('valid parameters are read and invalid ones fall back to the default view', () => {
  expect(parseOverviewParams({ from: '2026-10-01T00:00:00Z', by: 'account' })).toEqual({
    from: new Date('2026-10-01T00:00:00Z'),
    to: undefined,
    by: 'account',
  });
  expect(parseOverviewParams({ from: 'yesterday', by: '<script>' })).toEqual({
    from: undefined,
    to: undefined,
    by: 'service',
  });
  expect(parseGeoParams({ country: ['GB', 'US'], color: 'novelty' })).toMatchObject({
    country: 'GB',
    color: 'novelty',
  });
  expect(parseGeoParams({ country: "GB' OR 1=1" }).country).toBeUndefined();
});

test('a self link keeps the other parameters and drops cleared ones', () => {
  const current = { from: new Date('2026-10-01T00:00:00Z'), country: 'GB' };
  expect(pageHref('/geo', current, { country: null })).toBe('/geo?from=2026-10-01T00%3A00%3A00.000Z');
  expect(pageHref('/geo', current, { color: 'novelty' })).toBe(
    '/geo?from=2026-10-01T00%3A00%3A00.000Z&country=GB&color=novelty',
  );
});
