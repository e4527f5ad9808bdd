// First-seen ("new term") detection. A value is new when neither the injected baseline (history
// before this batch) nor an earlier event of this batch within the baseline window has it for the
// same principal or account. Events before env.learnUntil only teach, so a first import of a trail
// does not flag every principal's first call.

import type { NormalizedEvent } from '@/lib/cloudtrail/types';
import type { BaselineSink, FirstSeenSpec, Hit, RuleContext, RuleMetadata, RunEnvironment } from '../types';
import { dedupKeyOf, groupKeyOf, type Resolved, resolveMatch } from './hits';

const HOUR_MS = 3_600_000;

interface Novelty {
  event: NormalizedEvent;
  value: string;
  resolved: Resolved;
}

export function runFirstSeen<C>(
  meta: RuleMetadata,
  spec: FirstSeenSpec<C>,
  config: C,
  sorted: NormalizedEvent[],
  env: RunEnvironment,
): Hit[] {
  const baselineMs = spec.baselineMs(config);
  const minNovel = spec.minNovel?.(config) ?? 1;
  const noveltyWindowMs = spec.noveltyWindowMs?.(config) ?? HOUR_MS;
  const learnUntil = env.learnUntil?.getTime() ?? Number.NEGATIVE_INFINITY;
  const lastSeen = new Map<string, Map<string, number>>();
  const recentNovel = new Map<string, Novelty[]>();
  const hits: Hit[] = [];

  for (const event of sorted) {
    if (!spec.filter(event, config, env.ctx)) continue;
    const value = spec.value(event, config, env.ctx);
    if (value === null) continue;
    const time = event.eventTime.getTime();
    const scopeKey = spec.scope === 'principal' ? event.principalKey : event.recipientAccountId;
    const group = groupKeyOf(event.recipientAccountId, scopeKey);
    let seen = lastSeen.get(group);
    if (!seen) {
      seen = new Map();
      lastSeen.set(group, seen);
    }
    const previous = seen.get(value);
    seen.set(value, time);
    if (previous !== undefined && time - previous <= baselineMs) continue;
    const namespaced = `${spec.feature}:${value}`;
    const since = new Date(time - baselineMs);
    const info = {
      ruleId: meta.id,
      feature: spec.feature,
      since,
      at: event.eventTime,
      accountId: event.recipientAccountId,
    };
    if (env.baseline(spec.scope, scopeKey, namespaced, info)) {
      continue;
    }
    if (time < learnUntil) continue;

    const resolved = resolveMatch(spec.assess?.(event, value, config, env.ctx) ?? true, meta.severity, () =>
      spec.summarize(event, [value], config),
    );
    if (!resolved) continue;

    if (minNovel <= 1) {
      hits.push({
        dedupKey: dedupKeyOf(meta.id, event.recipientAccountId, scopeKey, [namespaced]),
        accountId: event.recipientAccountId,
        principalKey: event.principalKey,
        ...resolved,
        events: [event],
      });
      continue;
    }
    const recent = (recentNovel.get(group) ?? []).filter(
      (novelty) => time - novelty.event.eventTime.getTime() <= noveltyWindowMs,
    );
    recent.push({ event, value, resolved });
    recentNovel.set(group, recent);
    if (recent.length < minNovel) continue;
    const events = recent.map((novelty) => novelty.event);
    hits.push({
      dedupKey: dedupKeyOf(meta.id, event.recipientAccountId, scopeKey),
      accountId: event.recipientAccountId,
      principalKey: event.principalKey,
      severity: resolved.severity,
      summary: spec.summarize(
        event,
        recent.map((novelty) => novelty.value),
        config,
      ),
      events,
    });
  }
  return hits;
}

export function observeFirstSeen<C>(
  spec: FirstSeenSpec<C>,
  config: C,
  events: readonly NormalizedEvent[],
  ctx: RuleContext,
  sink: BaselineSink,
): void {
  for (const event of events) {
    if (!spec.filter(event, config, ctx)) continue;
    const value = spec.value(event, config, ctx);
    if (value === null) continue;
    const scopeKey = spec.scope === 'principal' ? event.principalKey : event.recipientAccountId;
    sink(spec.scope, event.recipientAccountId, scopeKey, `${spec.feature}:${value}`, event.eventTime);
  }
}
