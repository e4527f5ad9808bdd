// Shared pieces of the four kind runners: ordering, dedup keys and turning a MatchResult into a
// severity and summary.

import type { NormalizedEvent } from '@/lib/cloudtrail/types';
import type { Severity } from '@/lib/severity';
import type { AnyRuleId, MatchResult } from '../types';

// eventTime has second precision and many events share a second, so eventId (then account) breaks
// ties. Any total order works; this one is stable across runs and input orders.
export function compareEvents(a: NormalizedEvent, b: NormalizedEvent): number {
  const byTime = a.eventTime.getTime() - b.eventTime.getTime();
  if (byTime !== 0) return byTime;
  if (a.eventId !== b.eventId) return a.eventId < b.eventId ? -1 : 1;
  if (a.recipientAccountId === b.recipientAccountId) return 0;
  return a.recipientAccountId < b.recipientAccountId ? -1 : 1;
}

export function dedupKeyOf(
  ruleId: AnyRuleId,
  accountId: string,
  subject: string,
  parts: string[] = [],
): string {
  return [ruleId, accountId, subject, ...parts].join('|');
}

// Groups keyed per account: the same principal key or IP in two accounts is two investigations.
export function groupKeyOf(accountId: string, key: string): string {
  return `${accountId}\u0000${key}`;
}

export interface Resolved {
  severity: Severity;
  summary: string;
}

export function resolveMatch(
  result: MatchResult,
  fallbackSeverity: Severity,
  fallbackSummary: () => string,
): Resolved | null {
  if (result === false) return null;
  if (result === true) return { severity: fallbackSeverity, summary: fallbackSummary() };
  return { severity: result.severity ?? fallbackSeverity, summary: result.summary ?? fallbackSummary() };
}

// The principal a multi-event hit is filed under: the shared one, else the rule's group key.
export function principalOf(events: NormalizedEvent[], fallback: string): string {
  const first = events[0]?.principalKey;
  if (first === undefined) return fallback;
  return events.every((event) => event.principalKey === first) ? first : fallback;
}

// Index of the first event at or after `time` (events sorted by time).
export function lowerBound(events: NormalizedEvent[], time: number, from = 0): number {
  let lo = from;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((events[mid] as NormalizedEvent).eventTime.getTime() < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
