// The walk over stored events in time slices, shared by the calling thread and the analysis
// threads (analysis-threads.ts). Each rule sees the slice plus the tail of the previous slice its
// window needs (its lookbackMs): a threshold or sequence spanning a slice boundary is seen whole,
// single-event rules re-read nothing. First-seen rules ask the baseline (baseline-store.ts)
// instead of re-reading history, and learn each slice's values once it has been judged.
//
// Every rule groups by recipient account (dedup keys, threshold groups, sequence join keys and
// baselines all start with the account), so a walk over some of the accounts finds exactly what a
// walk over all of them finds for those accounts, provided it uses the same slice boundaries:
// that is what lets threads share the accounts between them.

import type pg from 'pg';
import type { NormalizedEvent } from '@/lib/cloudtrail/types';
import type { ActiveRule } from '../active-rules';
import { lowerBound } from '../engine/hits';
import { mergeHits } from '../engine/merge-hits';
import { prepareEvents } from '../evaluate';
import type { RuleId, RunEnvironment } from '../types';
import type { BaselineStore } from './baseline-store';
import type { FindingStore } from './finding-store';
import { type LoadedEvents, loadEvents } from './load-events';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface Interval {
  from: number;
  to: number;
}

export interface Slice extends Interval {
  // The first slice of an interval starts without carried events.
  first: boolean;
}

export interface SliceProgress {
  // Milliseconds of event time covered so far, out of the total to cover.
  done: number;
  total: number;
  events: number;
  findings: number;
}

export interface WalkState {
  db: pg.ClientBase;
  env: RunEnvironment;
  baseline: BaselineStore;
  findings: FindingStore;
  events: number;
  missing: number;
  // Runs on each slice's events before they are judged (a thread fetches their IP intelligence).
  beforeSlice?: (events: readonly NormalizedEvent[]) => Promise<void>;
  // Between two rules of a slice: lets the calling thread answer the other threads' questions.
  betweenRules?: () => Promise<void>;
}

// A walk over the events with some of the rules: all of them, or (incremental runs) the few
// long-window rules that declare their eventNames, over a wider range but only those events.
export interface Pass {
  rules: ActiveRule[];
  eventNames: readonly string[] | null;
  maxLookback: number;
  // The pass that sees every event counts them and feeds the first-seen baseline.
  primary: boolean;
}

export function passOf(rules: ActiveRule[], eventNames: readonly string[] | null, primary: boolean): Pass {
  return {
    rules,
    eventNames,
    primary,
    maxLookback: Math.max(0, ...rules.map((rule) => rule.bound.lookbackMs)),
  };
}

/**
 * One slice: the events in [from, to), evaluated together with `carry`, the earlier events the
 * rules' windows reach back to. Returns the carry for the next slice.
 */
async function analyzeSlice(
  state: WalkState,
  pass: Pass,
  loaded: LoadedEvents,
  from: number,
  to: number,
  carry: NormalizedEvent[],
): Promise<NormalizedEvent[]> {
  const fresh = prepareEvents(loaded.events);
  if (pass.primary) {
    state.missing += loaded.missing;
    state.events += fresh.length;
  }
  const window = carry.length ? [...carry, ...fresh] : fresh;
  // The hits' events by (account, eventId): the findings' evidence takes time and address from them.
  const hitEvents = new Map<string, NormalizedEvent>();

  for (const rule of pass.rules) {
    await state.betweenRules?.();
    const start = lowerBound(window, from - rule.bound.lookbackMs);
    const events = start === 0 ? window : window.slice(start);
    // Hits made only of carried events were already reported by the previous slice.
    const hits = rule.bound
      .run(events, state.env)
      .filter((hit) => hit.events.some((event) => event.eventTime.getTime() >= from));
    for (const hit of hits)
      for (const event of hit.events)
        hitEvents.set(`${event.recipientAccountId}\u0000${event.eventId}`, event);
    for (const finding of mergeHits(rule.id as RuleId, hits, rule.bound.dedupWindowMs)) {
      state.findings.add(rule.id, rule.title, finding, hitEvents);
    }
  }
  if (pass.primary)
    for (const rule of pass.rules) rule.bound.observe?.(fresh, state.env.ctx, state.baseline.sink);

  return window.slice(lowerBound(window, to - pass.maxLookback));
}

// About this many events per slice (over all the accounts walked): large enough that per-query
// costs vanish, small enough that a slice and its look-back stay a few hundred MB.
const EVENTS_PER_SLICE = 60_000;

export interface SlicePlan {
  slices: Slice[];
  // Events in the intervals, per account: how threads share the accounts.
  eventsByAccount: Map<string, number>;
}

/** Cuts the intervals into slices of about EVENTS_PER_SLICE events. */
export async function planSlices(
  db: pg.ClientBase,
  pass: Pass,
  accountIds: readonly string[],
  intervals: Interval[],
): Promise<SlicePlan> {
  const { rows } = await db.query<{ account_id: string; n: string }>(
    `SELECT a.account_id, count(*) AS n
     FROM unnest($1::text[]) AS a(account_id), unnest($2::timestamptz[], $3::timestamptz[]) AS i(f, t),
       LATERAL (SELECT 1 FROM event e WHERE e.account_id = a.account_id AND e.event_time >= i.f AND e.event_time < i.t
                  AND ($4::text[] IS NULL OR e.event_name = ANY($4::text[]))) x
     GROUP BY a.account_id`,
    [
      accountIds,
      intervals.map((interval) => new Date(interval.from)),
      intervals.map((interval) => new Date(interval.to)),
      pass.eventNames,
    ],
  );
  const eventsByAccount = new Map(rows.map((row) => [row.account_id, Number(row.n)]));
  const span = intervals.reduce((sum, interval) => sum + (interval.to - interval.from), 0);
  const events = Math.max(
    1,
    rows.reduce((sum, row) => sum + Number(row.n), 0),
  );
  const length = Math.min(7 * DAY_MS, Math.max(HOUR_MS, Math.ceil((span * EVENTS_PER_SLICE) / events)));
  const slices = intervals.flatMap((interval) => {
    const list: Slice[] = [];
    for (let from = interval.from; from < interval.to; from += length) {
      list.push({ from, to: Math.min(from + length, interval.to), first: from === interval.from });
    }
    return list;
  });
  return { slices, eventsByAccount };
}

/** Walks the slices for these accounts, adding findings and baseline observations to `state`. */
export async function walkSlices(
  state: WalkState,
  pass: Pass,
  accountIds: readonly string[],
  slices: readonly Slice[],
  onProgress?: (progress: SliceProgress) => void,
): Promise<void> {
  const total = slices.reduce((sum, slice) => sum + (slice.to - slice.from), 0);
  const load = async (slice: Slice) => {
    const loaded = await loadEvents(state.db, {
      from: new Date(slice.from),
      to: new Date(slice.to),
      accountIds,
      eventNames: pass.eventNames,
    });
    await state.beforeSlice?.(loaded.events);
    return loaded;
  };
  let done = 0;
  let carry: NormalizedEvent[] = [];
  // The next slice loads (database, inflating on the zlib pool) while this one is evaluated.
  let next = slices[0] ? load(slices[0]) : null;
  for (let index = 0; index < slices.length; index++) {
    const slice = slices[index] as Slice;
    const loaded = await (next as Promise<LoadedEvents>);
    const following = slices[index + 1];
    next = following ? load(following) : null;
    if (slice.first) carry = [];
    carry = await analyzeSlice(state, pass, loaded, slice.from, slice.to, carry);
    done += slice.to - slice.from;
    onProgress?.({ done, total, events: state.events, findings: state.findings.size });
  }
}
