// Ordered correlation: step 1, then step 2 (then step 3...) with the same join key, all within the
// window of the first step. Later steps may carry the same second as earlier ones: CloudTrail has
// second precision and the Stratus create-admin-user detonation logs CreateUser, AttachUserPolicy
// and CreateAccessKey in one second, in the "wrong" file order. Candidates are scanned in
// (eventTime, eventId) order, so the chain found for an anchor does not depend on input order.

import type { NormalizedEvent } from '@/lib/cloudtrail/types';
import type { Hit, RuleMetadata, RunEnvironment, SequenceSpec } from '../types';
import { dedupKeyOf, groupKeyOf, lowerBound, type Resolved, resolveMatch } from './hits';

type StepIndex = Map<string, NormalizedEvent[]>;

function indexStep<C>(
  spec: SequenceSpec<C>,
  step: number,
  config: C,
  sorted: NormalizedEvent[],
): { index: StepIndex; keys: Map<NormalizedEvent, string> } {
  const index: StepIndex = new Map();
  const keys = new Map<NormalizedEvent, string>();
  const definition = spec.steps[step];
  if (!definition) return { index, keys };
  for (const event of sorted) {
    if (!definition.match(event, config)) continue;
    const joinKey = definition.joinKey(event, config);
    if (joinKey === null) continue;
    const id = groupKeyOf(event.recipientAccountId, joinKey);
    keys.set(event, joinKey);
    const list = index.get(id);
    if (list) list.push(event);
    else index.set(id, [event]);
  }
  return { index, keys };
}

export function runSequence<C>(
  meta: RuleMetadata,
  spec: SequenceSpec<C>,
  config: C,
  sorted: NormalizedEvent[],
  env: RunEnvironment,
): Hit[] {
  const windowMs = spec.windowMs(config);
  const first = indexStep(spec, 0, config, sorted);
  const later = spec.steps.slice(1).map((_, offset) => indexStep(spec, offset + 1, config, sorted).index);
  const hits: Hit[] = [];

  const extend = (chain: NormalizedEvent[], groupId: string, deadline: number): Resolved | null => {
    const step = chain.length - 1;
    if (step === later.length) {
      return resolveMatch(spec.correlate?.(chain, config, env.ctx) ?? true, meta.severity, () =>
        spec.summarize(chain, config),
      );
    }
    const candidates = later[step]?.get(groupId) ?? [];
    const previous = chain[chain.length - 1] as NormalizedEvent;
    for (let i = lowerBound(candidates, previous.eventTime.getTime()); i < candidates.length; i++) {
      const candidate = candidates[i] as NormalizedEvent;
      if (candidate.eventTime.getTime() > deadline) break;
      if (chain.includes(candidate)) continue;
      chain.push(candidate);
      const resolved = extend(chain, groupId, deadline);
      if (resolved) return resolved;
      chain.pop();
    }
    return null;
  };

  for (const anchor of sorted) {
    const joinKey = first.keys.get(anchor);
    if (joinKey === undefined) continue;
    const chain = [anchor];
    const resolved = extend(
      chain,
      groupKeyOf(anchor.recipientAccountId, joinKey),
      anchor.eventTime.getTime() + windowMs,
    );
    if (!resolved) continue;
    hits.push({
      dedupKey: dedupKeyOf(meta.id, anchor.recipientAccountId, anchor.principalKey, [joinKey]),
      accountId: anchor.recipientAccountId,
      principalKey: anchor.principalKey,
      ...resolved,
      events: chain,
    });
  }
  return hits;
}
