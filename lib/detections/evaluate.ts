// Pure, in-memory evaluation of rules over a batch of normalised events. CloudTrail delivers late
// and unordered, so the batch is deduplicated on (recipientAccountId, eventId) and sorted by
// (eventTime, eventId) first; every kind runner relies on that order, which is what makes results
// independent of the order events arrive in. A database-backed runner supplies history through
// `baseline` and `learnUntil`; enrichment supplies `ipIntel`.

import type { NormalizedEvent } from '@/lib/cloudtrail/types';
import { compareEvents } from './engine/hits';
import { mergeHits } from './engine/merge-hits';
import { RULES } from './registry';
import type { BaselineLookup, BoundRule, Finding, IpIntel, Rule, RuleId, RunEnvironment } from './types';

export interface EvaluateOptions {
  // Defaults to every rule in the registry.
  rules?: readonly Rule[];
  // Per-rule config overrides, overlaid on each rule's defaultConfig and validated by its schema.
  config?: Partial<Record<RuleId, unknown>>;
  baseline?: BaselineLookup;
  ipIntel?: (ip: string | null) => IpIntel | null;
  learnUntil?: Date;
  // Rules that arrive already bound (imported Sigma rules): run after `rules`.
  bound?: readonly BoundRule[];
}

const nothingKnown: BaselineLookup = () => false;

// A re-delivery (addendum) of an event replaces the original; otherwise the first copy wins, and
// exact duplicates (global events delivered to several trails) are identical anyway.
export function prepareEvents(events: readonly NormalizedEvent[]): NormalizedEvent[] {
  const unique = new Map<string, NormalizedEvent>();
  for (const event of events) {
    const key = `${event.recipientAccountId}\u0000${event.eventId}`;
    const existing = unique.get(key);
    if (!existing || (existing.addendumReason === null && event.addendumReason !== null)) {
      unique.set(key, event);
    }
  }
  return [...unique.values()].sort(compareEvents);
}

function compareFindings(a: Finding, b: Finding): number {
  const byTime = a.firstSeen.getTime() - b.firstSeen.getTime();
  if (byTime !== 0) return byTime;
  if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1;
  return a.dedupKey < b.dedupKey ? -1 : a.dedupKey > b.dedupKey ? 1 : 0;
}

export function evaluate(events: readonly NormalizedEvent[], options: EvaluateOptions = {}): Finding[] {
  const sorted = prepareEvents(events);
  const ipIntel = options.ipIntel ?? (() => null);
  const env: RunEnvironment = {
    ctx: { ipIntel },
    baseline: options.baseline ?? nothingKnown,
    learnUntil: options.learnUntil ?? null,
  };
  const rules = options.rules ?? Object.values(RULES);
  const findings: Finding[] = [];
  for (const rule of rules) {
    const bound = rule.bind(options.config?.[rule.id]);
    findings.push(...mergeHits(rule.id, bound.run(sorted, env), bound.dedupWindowMs));
  }
  for (const bound of options.bound ?? []) {
    findings.push(...mergeHits(bound.meta.id, bound.run(sorted, env), bound.dedupWindowMs));
  }
  return findings.sort(compareFindings);
}
