// The rule model. A rule is metadata (data the UI and docs render) plus one of four detection kinds.
// Rules are written against a typed config C (see define-rule.ts); the evaluator only ever sees
// BoundRule, where the config is already parsed and closed over, so the registry needs no generics.

import type { z } from 'zod';
import type { NormalizedEvent } from '@/lib/cloudtrail/types';
import type { Severity } from '@/lib/severity';
import type { AttackRef } from './attack';
import type { AnyRuleId, RuleId } from './rule-ids';

export type { AnyRuleId, RuleId, SigmaRuleId } from './rule-ids';
export type RuleKind = 'single' | 'threshold' | 'sequence' | 'firstSeen';
export type BaselineScope = 'principal' | 'account';

// What GeoIP/ASN enrichment knows about a public source address. lib/enrich supplies it through
// RuleContext; rules must still work (or stay silent) when it is absent.
export interface IpIntel {
  country: string | null;
  city: string | null;
  asn: number | null;
  asOrg: string | null;
  // Amazon, Google, Microsoft, ... (the "cloud ASN" of the anchors' rare-ASN heuristics).
  isCloudProvider: boolean | null;
}

export interface RuleContext {
  ipIntel(ip: string | null): IpIntel | null;
}

// A rule may refine a hit: a different severity, or a summary that names the specifics.
export interface Assessment {
  severity?: Severity;
  summary?: string;
}
export type MatchResult = boolean | Assessment;

export interface RuleMetadata<Id extends AnyRuleId = RuleId> {
  id: Id;
  slug: string;
  title: string;
  severity: Severity;
  tactic: AttackRef;
  technique: AttackRef;
  description: string;
  triage: string[];
  falsePositives: string[];
  references: string[];
}

interface CommonSpec<C> {
  configSchema: z.ZodType<C>;
  defaultConfig: NoInfer<C>;
}

export interface SingleSpec<C> {
  kind: 'single';
  match(event: NormalizedEvent, config: C, ctx: RuleContext): MatchResult;
  summarize(event: NormalizedEvent, config: C): string;
  // Beyond rule + account + principal: what makes two hits different findings (a target user...).
  dedupParts?(event: NormalizedEvent, config: C): string[];
  // Repeats closer than this extend one finding; defaults to an hour.
  dedupWindowMs?(config: C): number;
}

export type ThresholdMeasure<C> =
  | { type: 'count' }
  | { type: 'distinct'; of(event: NormalizedEvent, config: C, ctx: RuleContext): string | null }
  | { type: 'sum'; of(event: NormalizedEvent, config: C): number };

export interface ThresholdWindow {
  groupKey: string;
  events: NormalizedEvent[];
  value: number;
}

export interface ThresholdSpec<C> {
  kind: 'threshold';
  // Every eventName `filter` can accept (a superset). Optional; lets the runner read only these
  // events for the part of a long window that lies outside what the other rules need.
  eventNames?: readonly string[];
  filter(event: NormalizedEvent, config: C, ctx: RuleContext): boolean;
  // Events with a null key are ignored (the rule cannot attribute them).
  groupBy(event: NormalizedEvent, config: C): string | null;
  windowMs(config: C): number;
  measure: ThresholdMeasure<C>;
  threshold(config: C): number;
  // A floor on the number of events, for rules that need both volume and breadth (spraying).
  minEvents?(config: C): number;
  assess?(window: ThresholdWindow, config: C, ctx: RuleContext): MatchResult;
  summarize(window: ThresholdWindow, config: C): string;
}

export interface SequenceStep<C> {
  name: string;
  match(event: NormalizedEvent, config: C): boolean;
  // Every step of one chain must yield the same key (principal, access key id, group id...).
  joinKey(event: NormalizedEvent, config: C): string | null;
}

export interface SequenceSpec<C> {
  kind: 'sequence';
  // As ThresholdSpec.eventNames: every eventName any step can match.
  eventNames?: readonly string[];
  steps: readonly [SequenceStep<C>, SequenceStep<C>, ...SequenceStep<C>[]];
  // From the first step to the last; later steps may share the first step's second.
  windowMs(config: C): number;
  // Cross-event conditions (different IP, same actor...). false discards the chain.
  correlate?(chain: NormalizedEvent[], config: C, ctx: RuleContext): MatchResult;
  summarize(chain: NormalizedEvent[], config: C): string;
}

export interface FirstSeenSpec<C> {
  kind: 'firstSeen';
  // Namespaces the value in baseline lookups: ("principal", key, "region:eu-west-1").
  feature: string;
  scope: BaselineScope;
  filter(event: NormalizedEvent, config: C, ctx: RuleContext): boolean;
  value(event: NormalizedEvent, config: C, ctx: RuleContext): string | null;
  baselineMs(config: C): number;
  // Alert only once this many new values appear for one scope key within noveltyWindowMs (R44).
  minNovel?(config: C): number;
  noveltyWindowMs?(config: C): number;
  assess?(event: NormalizedEvent, value: string, config: C, ctx: RuleContext): MatchResult;
  summarize(event: NormalizedEvent, values: string[], config: C): string;
}

export type KindSpec<C> = SingleSpec<C> | ThresholdSpec<C> | SequenceSpec<C> | FirstSeenSpec<C>;
export type RuleDefinition<C> = RuleMetadata & CommonSpec<C> & KindSpec<C>;

// One candidate finding, before hits with the same dedup key are merged.
export interface Hit {
  dedupKey: string;
  accountId: string;
  principalKey: string;
  severity: Severity;
  summary: string;
  events: NormalizedEvent[];
}

export interface BoundRule {
  meta: RuleMetadata<AnyRuleId>;
  kind: RuleKind;
  dedupWindowMs: number;
  // Runs the rule over events already deduplicated and sorted by (eventTime, eventId).
  run(sorted: NormalizedEvent[], env: RunEnvironment): Hit[];
  // First-seen rules only: every (scope key, value) the events carry, for a stored baseline.
  observe?(events: readonly NormalizedEvent[], ctx: RuleContext, sink: BaselineSink): void;
  // How far before an event the rule looks (windows, novelty windows); 0 for single events.
  lookbackMs: number;
  // The only eventNames the rule can match, when it declares them (threshold and sequence rules).
  // Absent or null: any event.
  eventNames?: readonly string[] | null;
}

export interface Rule extends RuleMetadata {
  kind: RuleKind;
  configSchema: z.ZodType;
  defaultConfig: unknown;
  // Parses defaultConfig overlaid with overrides; throws a ZodError on invalid config.
  bind(overrides?: unknown): BoundRule;
}

export interface BaselineLookupInfo {
  ruleId: AnyRuleId;
  feature: string;
  // History older than this is outside the rule's baseline window.
  since: Date;
  // The event being judged: only history before it counts (a stored baseline also holds later values).
  at: Date;
  accountId: string;
}

// A value a first-seen rule would look up for an event, reported so that a runner can keep a
// baseline across batches (lib/detections/runner): (scope, scope key, "feature:value") at a time.
export type BaselineSink = (
  scope: BaselineScope,
  accountId: string,
  key: string,
  value: string,
  time: Date,
) => void;

// True when the value was already seen for this principal/account before the evaluated batch.
export type BaselineLookup = (
  scope: BaselineScope,
  key: string,
  value: string,
  info: BaselineLookupInfo,
) => boolean;

export interface RunEnvironment {
  ctx: RuleContext;
  baseline: BaselineLookup;
  // First-seen rules learn from, but never alert on, events before this instant.
  learnUntil: Date | null;
}

export interface Finding {
  ruleId: AnyRuleId;
  severity: Severity;
  dedupKey: string;
  accountId: string;
  principalKey: string;
  region: string | null;
  firstSeen: Date;
  lastSeen: Date;
  eventCount: number;
  eventIds: string[];
  summary: string;
}
