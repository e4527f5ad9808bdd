import type { GeoFindingLink } from '@/lib/queries/geo/get-geo-findings';
import { SEVERITIES, type Severity } from '@/lib/severity';

export interface FindingTally {
  findings: number;
  topSeverity: Severity | null;
}

export interface FindingTallies {
  byCountry: Map<string, FindingTally>;
  byAsn: Map<number | null, FindingTally>;
  byIp: Map<string, FindingTally>;
}

function tally<K>(
  links: GeoFindingLink[],
  keyOf: (link: GeoFindingLink) => K | undefined,
): Map<K, FindingTally> {
  const found = new Map<K, { ids: Set<string>; top: number }>();
  for (const link of links) {
    const key = keyOf(link);
    if (key === undefined) continue;
    const entry = found.get(key) ?? { ids: new Set<string>(), top: -1 };
    entry.ids.add(link.findingId);
    entry.top = Math.max(entry.top, SEVERITIES.indexOf(link.severity));
    found.set(key, entry);
  }
  return new Map(
    [...found].map(([key, entry]) => [
      key,
      { findings: entry.ids.size, topSeverity: SEVERITIES[entry.top] ?? null },
    ]),
  );
}

/** Distinct findings (and the worst severity) per country, network and address. */
export function tallyFindings(links: GeoFindingLink[]): FindingTallies {
  return {
    byCountry: tally(links, (link) => link.countryCode ?? undefined),
    byAsn: tally(links, (link) => link.asn),
    byIp: tally(links, (link) => link.ip),
  };
}

export const NO_FINDINGS: FindingTally = { findings: 0, topSeverity: null };
