// Sliding-window threshold over each group's events in (eventTime, eventId) order. One hit per
// "episode": from the first window that crosses the threshold until the condition stops holding,
// so a long burst is assessed and summarised once instead of once per event (a 10k-object delete
// burst would otherwise cost O(n * window)).

import type { NormalizedEvent } from '@/lib/cloudtrail/types';
import type { Hit, RuleMetadata, RunEnvironment, ThresholdSpec } from '../types';
import { dedupKeyOf, groupKeyOf, principalOf, resolveMatch } from './hits';

interface WindowState {
  add(event: NormalizedEvent): void;
  remove(event: NormalizedEvent): void;
  value(): number;
}

function windowState<C>(spec: ThresholdSpec<C>, config: C, env: RunEnvironment): WindowState {
  const measure = spec.measure;
  if (measure.type === 'count') {
    let count = 0;
    return { add: () => count++, remove: () => count--, value: () => count };
  }
  if (measure.type === 'sum') {
    let sum = 0;
    return {
      add: (event) => {
        sum += measure.of(event, config);
      },
      remove: (event) => {
        sum -= measure.of(event, config);
      },
      value: () => sum,
    };
  }
  const counts = new Map<string, number>();
  return {
    add: (event) => {
      const key = measure.of(event, config, env.ctx);
      if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
    },
    remove: (event) => {
      const key = measure.of(event, config, env.ctx);
      if (key === null) return;
      const left = (counts.get(key) ?? 1) - 1;
      if (left === 0) counts.delete(key);
      else counts.set(key, left);
    },
    value: () => counts.size,
  };
}

function groupEvents<C>(spec: ThresholdSpec<C>, config: C, sorted: NormalizedEvent[], env: RunEnvironment) {
  const groups = new Map<string, { key: string; accountId: string; events: NormalizedEvent[] }>();
  for (const event of sorted) {
    if (!spec.filter(event, config, env.ctx)) continue;
    const key = spec.groupBy(event, config);
    if (key === null) continue;
    const id = groupKeyOf(event.recipientAccountId, key);
    let group = groups.get(id);
    if (!group) {
      group = { key, accountId: event.recipientAccountId, events: [] };
      groups.set(id, group);
    }
    group.events.push(event);
  }
  return groups.values();
}

export function runThreshold<C>(
  meta: RuleMetadata,
  spec: ThresholdSpec<C>,
  config: C,
  sorted: NormalizedEvent[],
  env: RunEnvironment,
): Hit[] {
  const windowMs = spec.windowMs(config);
  const threshold = spec.threshold(config);
  const minEvents = spec.minEvents?.(config) ?? 0;
  const hits: Hit[] = [];

  for (const group of groupEvents(spec, config, sorted, env)) {
    const events = group.events;
    const state = windowState(spec, config, env);
    let left = 0;
    let episodeStart = -1;
    let episodeEnd = -1;
    let peak = 0;

    const closeEpisode = () => {
      if (episodeStart < 0) return;
      const episode = events.slice(episodeStart, episodeEnd + 1);
      const window = { groupKey: group.key, events: episode, value: peak };
      const resolved = resolveMatch(spec.assess?.(window, config, env.ctx) ?? true, meta.severity, () =>
        spec.summarize(window, config),
      );
      if (resolved) {
        hits.push({
          dedupKey: dedupKeyOf(meta.id, group.accountId, group.key),
          accountId: group.accountId,
          principalKey: principalOf(episode, group.key),
          ...resolved,
          events: episode,
        });
      }
      episodeStart = -1;
      peak = 0;
    };

    for (let right = 0; right < events.length; right++) {
      const current = events[right] as NormalizedEvent;
      state.add(current);
      while (current.eventTime.getTime() - (events[left] as NormalizedEvent).eventTime.getTime() > windowMs) {
        state.remove(events[left] as NormalizedEvent);
        left++;
      }
      const value = state.value();
      if (value >= threshold && right - left + 1 >= minEvents) {
        if (episodeStart < 0) episodeStart = left;
        episodeEnd = right;
        peak = Math.max(peak, value);
      } else {
        closeEpisode();
      }
    }
    closeEpisode();
  }
  return hits;
}
