import type { NormalizedEvent } from '@/lib/cloudtrail/types';
import type { AnyRuleId, Hit, RuleMetadata, RunEnvironment, SingleSpec } from '../types';
import { dedupKeyOf, resolveMatch } from './hits';

export function runSingle<C>(
  meta: RuleMetadata<AnyRuleId>,
  spec: SingleSpec<C>,
  config: C,
  sorted: NormalizedEvent[],
  env: RunEnvironment,
): Hit[] {
  const hits: Hit[] = [];
  for (const event of sorted) {
    const resolved = resolveMatch(spec.match(event, config, env.ctx), meta.severity, () =>
      spec.summarize(event, config),
    );
    if (!resolved) continue;
    const parts = spec.dedupParts?.(event, config) ?? [];
    hits.push({
      dedupKey: dedupKeyOf(meta.id, event.recipientAccountId, event.principalKey, parts),
      accountId: event.recipientAccountId,
      principalKey: event.principalKey,
      ...resolved,
      events: [event],
    });
  }
  return hits;
}
