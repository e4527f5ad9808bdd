import { expect, test } from 'vitest';
import type { GeoCountry } from '@/lib/queries/geo/get-geo-countries';
import { bubbleColour, bubbleRadius, CALM_COLOUR, NEW_COLOUR, noveltyTest } from './map-bubbles';

const DAY = 86_400_000;
const dataFrom = new Date('2026-10-01T00:00:00Z');
const country = (firstEver: Date) => ({ firstEver }) as GeoCountry;

test('bubble area grows with events', () => {
  const small = bubbleRadius(100, 400);
  const large = bubbleRadius(400, 400);
  expect(large).toBeGreaterThan(small);
  expect(bubbleRadius(0, 0)).toBeGreaterThan(0);
});

test('a country is new when first seen in the range and after the baseline week', () => {
  const wholeData = noveltyTest(dataFrom, dataFrom);
  expect(wholeData(country(new Date(dataFrom.getTime() + 2 * DAY)))).toBe(false);
  expect(wholeData(country(new Date(dataFrom.getTime() + 9 * DAY)))).toBe(true);
  const lateRange = noveltyTest(new Date(dataFrom.getTime() + 20 * DAY), dataFrom);
  expect(lateRange(country(new Date(dataFrom.getTime() + 9 * DAY)))).toBe(false);
});

test('risk colour follows the worst finding; novelty colour the first sighting', () => {
  expect(bubbleColour('risk', { findings: 2, topSeverity: 'critical' }, false)).toBe(
    'var(--th-sev-critical)',
  );
  expect(bubbleColour('risk', { findings: 0, topSeverity: null }, true)).toBe(CALM_COLOUR);
  expect(bubbleColour('novelty', { findings: 2, topSeverity: 'high' }, true)).toBe(NEW_COLOUR);
});
