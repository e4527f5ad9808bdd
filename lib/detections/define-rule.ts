// defineRule turns a typed rule definition into a registry entry. Config is validated once, at
// bind time (defaults overlaid with the caller's overrides), and then closed over, so kind runners
// and the evaluator never see an unvalidated or untyped config.

import { observeFirstSeen, runFirstSeen } from './engine/run-first-seen';
import { runSequence } from './engine/run-sequence';
import { runSingle } from './engine/run-single';
import { runThreshold } from './engine/run-threshold';
import type { BoundRule, KindSpec, Rule, RuleDefinition, RuleMetadata } from './types';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

function overlay(defaults: unknown, overrides: unknown): unknown {
  if (overrides === undefined) return defaults;
  const isPlain = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  return isPlain(defaults) && isPlain(overrides) ? { ...defaults, ...overrides } : overrides;
}

function bindSpec<C>(meta: RuleMetadata, spec: KindSpec<C>, config: C): BoundRule {
  switch (spec.kind) {
    case 'single':
      return {
        meta,
        kind: spec.kind,
        dedupWindowMs: spec.dedupWindowMs?.(config) ?? HOUR_MS,
        lookbackMs: 0,
        eventNames: null,
        run: (sorted, env) => runSingle(meta, spec, config, sorted, env),
      };
    case 'threshold':
      return {
        meta,
        kind: spec.kind,
        dedupWindowMs: spec.windowMs(config),
        lookbackMs: spec.windowMs(config),
        eventNames: spec.eventNames ?? null,
        run: (sorted, env) => runThreshold(meta, spec, config, sorted, env),
      };
    case 'sequence':
      return {
        meta,
        kind: spec.kind,
        dedupWindowMs: spec.windowMs(config),
        lookbackMs: spec.windowMs(config),
        eventNames: spec.eventNames ?? null,
        run: (sorted, env) => runSequence(meta, spec, config, sorted, env),
      };
    case 'firstSeen':
      return {
        meta,
        kind: spec.kind,
        dedupWindowMs: spec.noveltyWindowMs?.(config) ?? HOUR_MS,
        // The baseline comes from the sink; only the novelty window (R44) needs earlier events.
        lookbackMs: (spec.minNovel?.(config) ?? 1) > 1 ? (spec.noveltyWindowMs?.(config) ?? HOUR_MS) : 0,
        eventNames: null,
        run: (sorted, env) => runFirstSeen(meta, spec, config, sorted, env),
        observe: (events, ctx, sink) => observeFirstSeen(spec, config, events, ctx, sink),
      };
  }
}

export function defineRule<C>(definition: RuleDefinition<C>): Rule {
  const meta: RuleMetadata = {
    id: definition.id,
    slug: definition.slug,
    title: definition.title,
    severity: definition.severity,
    tactic: definition.tactic,
    technique: definition.technique,
    description: definition.description,
    triage: definition.triage,
    falsePositives: definition.falsePositives,
    references: definition.references,
  };
  return {
    ...meta,
    kind: definition.kind,
    configSchema: definition.configSchema,
    defaultConfig: definition.defaultConfig,
    bind(overrides?: unknown) {
      const config = definition.configSchema.parse(overlay(definition.defaultConfig, overrides));
      return bindSpec(meta, definition, config);
    },
  };
}
