import type { BubbleColouring } from '@/lib/overview/search-params';
import type { GeoCountry } from '@/lib/queries/geo/get-geo-countries';
import type { Severity } from '@/lib/severity';
import { formatNumber, formatShare } from '../format';
import type { FindingTally } from './finding-counts';

const MIN_RADIUS = 4;
const MAX_RADIUS = 26;
/** Countries seen in the first week of data are the baseline; later ones count as new. */
export const NOVELTY_BASELINE_DAYS = 7;

const SEVERITY_COLOUR: Record<Severity, string> = {
  info: 'var(--th-sev-info)',
  low: 'var(--th-sev-low)',
  medium: 'var(--th-sev-medium)',
  high: 'var(--th-sev-high)',
  critical: 'var(--th-sev-critical)',
};
export const CALM_COLOUR = 'var(--th-accent)';
export const NEW_COLOUR = 'var(--th-sev-high)';

/** New: first seen inside the range and after the baseline week at the start of the data. */
export function noveltyTest(rangeFrom: Date, dataFrom: Date): (country: GeoCountry) => boolean {
  const baselineEnd = dataFrom.getTime() + NOVELTY_BASELINE_DAYS * 86_400_000;
  const since = Math.max(rangeFrom.getTime(), baselineEnd);
  return (country) => country.firstEver.getTime() >= since;
}

/** Area, not radius, grows with events, so a country with 4x the events looks 4x as big. */
export function bubbleRadius(events: number, maxEvents: number): number {
  if (maxEvents <= 0) return MIN_RADIUS;
  return MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(events / maxEvents);
}

export function bubbleColour(colouring: BubbleColouring, tally: FindingTally, isNew: boolean): string {
  if (colouring === 'novelty') return isNew ? NEW_COLOUR : CALM_COLOUR;
  return tally.topSeverity ? SEVERITY_COLOUR[tally.topSeverity] : CALM_COLOUR;
}

export function bubbleFigures(country: GeoCountry, tally: FindingTally, isNew: boolean): string[] {
  return [
    `${formatNumber(country.events)} events`,
    `${formatNumber(country.principals)} principals`,
    `${formatShare(country.errors, country.events)} errors`,
    `${formatNumber(tally.findings)} findings`,
    ...(country.cloudEvents
      ? [`${formatShare(country.cloudEvents, country.events)} from cloud networks`]
      : []),
    ...(isNew ? ['new in this range'] : []),
  ];
}
