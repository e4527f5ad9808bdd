// One principal's contributions for one UTC day, from what the database gathered for it: the
// items new against its baseline, its hourly volumes, the baseline days, impossible-travel hops
// and findings. Pure, so each rule of the score is unit-tested without a database.

import type { Severity } from '../../severity';
import { SENSITIVE_APIS } from '../sensitive-apis';
import type { Contribution, EventRef, Evidence, ItemKind, NewItem } from '../types';
import {
  BREADTH,
  FINDING_WEIGHTS,
  IMPOSSIBLE_TRAVEL_WEIGHT,
  NOVELTY_WEIGHTS,
  type NoveltyWeight,
  OFF_HOURS,
  RATE_WEIGHTS,
  SENSITIVE_API,
  saturate,
} from '../weights';
import type { TravelHop } from './geo';
import { offHoursCalls, usualHours } from './off-hours';
import { rateAnomaly } from './rate';

export interface DayActivity {
  hourlyCalls: readonly number[];
  hourlyErrors: readonly number[];
  services: number;
}

export interface NewItemWithEvent extends NewItem {
  event: EventRef;
}

export interface DayFinding {
  ruleId: string;
  severity: Severity;
  findingIds: string[];
  /** The rule's tactic is privilege escalation or defence evasion. */
  escalation: boolean;
}

export interface DayInput {
  /** YYYY-MM-DD. */
  day: string;
  /** The principal has fewer than 14 days of history: only signals that need no baseline count. */
  learning: boolean;
  /** The account itself has fewer than 14 days of history: "new for the account" means nothing yet. */
  accountLearning: boolean;
  activity: DayActivity;
  /** Baseline days (the 30 before, from the principal's first day), inactive days as zeros. */
  baseline: readonly DayActivity[];
  newItems: readonly NewItemWithEvent[];
  travel: readonly TravelHop[];
  findings: readonly DayFinding[];
}

const MAX_EVIDENCE = 20;

function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function contribution(
  feature: Contribution['feature'],
  value: number,
  weight: number,
  c: number,
  evidence: Evidence,
  item = '',
): Contribution {
  return { feature, value: round(value, 2), weight, contribution: round(c), evidence, item };
}

function events(items: readonly NewItemWithEvent[]): EventRef[] {
  const seen = new Set<string>();
  const out: EventRef[] = [];
  for (const item of items) {
    if (seen.has(item.event.eventId)) continue;
    seen.add(item.event.eventId);
    out.push(item.event);
    if (out.length >= MAX_EVIDENCE) break;
  }
  return out;
}

function itemEvidence(items: readonly NewItemWithEvent[]): Evidence {
  return {
    items: items.slice(0, MAX_EVIDENCE).map(({ event: _event, ...item }) => item),
    events: events(items),
  };
}

/**
 * Items that count today: all new ones once established; only account-new ones while learning.
 * Temporary (ASIA) keys are new with every session, so only long-term (AKIA) keys count as new.
 */
function countable(input: DayInput): NewItemWithEvent[] {
  return input.newItems.filter(
    (item) =>
      (item.kind !== 'access_key' || item.value.startsWith('AKIA')) &&
      (item.newForAccount ? !input.accountLearning || !input.learning : !input.learning),
  );
}

/**
 * The factor of a group of new items: those new to the whole account at one weight, those new
 * only to the principal at a lower one. While the account is learning its "new" is not news, so
 * all of them count at the lower weight.
 */
function noveltyFactor(input: DayInput, items: readonly NewItemWithEvent[], w: NoveltyWeight): number {
  const forAccount = input.accountLearning ? 0 : items.filter((i) => i.newForAccount).length;
  const forPrincipal = items.length - forAccount;
  return (
    1 -
    (1 - w.newForAccount * saturate(forAccount, w.scale)) *
      (1 - w.newForPrincipal * saturate(forPrincipal, w.scale))
  );
}

function noveltyFeatures(input: DayInput, items: readonly NewItemWithEvent[]): Contribution[] {
  const out: Contribution[] = [];
  const byKind = new Map<ItemKind, NewItemWithEvent[]>();
  for (const item of items) byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), item]);
  for (const [kind, list] of byKind) {
    const w = NOVELTY_WEIGHTS[kind];
    const c = noveltyFactor(input, list, w);
    if (c <= 0) continue;
    const sorted = [...list].sort(
      (a, b) => Number(b.newForAccount) - Number(a.newForAccount) || b.count - a.count,
    );
    out.push(
      contribution(
        `new_${kind}` as Contribution['feature'],
        list.length,
        w.newForAccount,
        c,
        itemEvidence(sorted),
      ),
    );
  }
  return out;
}

function sensitiveFeature(input: DayInput, items: readonly NewItemWithEvent[]): Contribution | null {
  const apis = items.filter((i) => i.kind === 'api' && SENSITIVE_APIS.has(i.value));
  if (apis.length === 0) return null;
  const c = noveltyFactor(input, apis, SENSITIVE_API);
  return contribution('sensitive_api', apis.length, SENSITIVE_API.newForAccount, c, itemEvidence(apis));
}

function rateFeatures(input: DayInput): Contribution[] {
  if (input.learning) return [];
  const out: Contribution[] = [];
  const specs = [
    ['rate_calls', input.activity.hourlyCalls, input.baseline.map((d) => d.hourlyCalls), RATE_WEIGHTS.calls],
    [
      'rate_errors',
      input.activity.hourlyErrors,
      input.baseline.map((d) => d.hourlyErrors),
      RATE_WEIGHTS.errors,
    ],
  ] as const;
  for (const [feature, today, baseline, weight] of specs) {
    const anomaly = rateAnomaly(today, baseline);
    if (!anomaly) continue;
    const start = `${input.day}T${String(anomaly.hour).padStart(2, '0')}:00:00.000Z`;
    out.push(
      contribution(feature, anomaly.value, weight, weight * anomaly.strength, {
        hour: {
          start,
          count: anomaly.count,
          median: anomaly.median,
          mad: anomaly.mad,
          ...(anomaly.pValue !== undefined ? { pValue: anomaly.pValue } : {}),
        },
        detail: { method: anomaly.method },
      }),
    );
  }
  return out;
}

function breadthFeature(input: DayInput, items: readonly NewItemWithEvent[]): Contribution | null {
  if (input.learning || input.baseline.length === 0) return null;
  const baselineMax = Math.max(0, ...input.baseline.map((d) => d.services));
  const excess = input.activity.services - baselineMax;
  if (input.activity.services < BREADTH.minServices || excess < BREADTH.minExcess) return null;
  const strength = Math.min(1, excess / BREADTH.fullExcess);
  const newServices = items.filter((i) => i.kind === 'service');
  return contribution('breadth', input.activity.services, BREADTH.weight, BREADTH.weight * strength, {
    ...itemEvidence(newServices),
    detail: { baselineMax },
  });
}

function offHoursFeature(input: DayInput): Contribution | null {
  if (input.learning) return null;
  const summed = Array.from({ length: 24 }, (_, h) =>
    input.baseline.reduce((s, d) => s + (d.hourlyCalls[h] ?? 0), 0),
  );
  const usual = usualHours(summed);
  if (usual.size === 0) return null;
  const off = offHoursCalls(input.activity.hourlyCalls, usual);
  if (off.calls < OFF_HOURS.minCalls) return null;
  const strength = Math.min(1, off.calls / OFF_HOURS.fullCalls);
  return contribution('off_hours', off.calls, OFF_HOURS.weight, OFF_HOURS.weight * strength, {
    detail: { hours: off.hours, usualHours: [...usual].sort((a, b) => a - b) },
  });
}

function travelFeature(input: DayInput): Contribution | null {
  const fastest = [...input.travel].sort((a, b) => b.speedKmh - a.speedKmh)[0];
  if (!fastest) return null;
  return contribution(
    'impossible_travel',
    fastest.speedKmh,
    IMPOSSIBLE_TRAVEL_WEIGHT,
    IMPOSSIBLE_TRAVEL_WEIGHT,
    {
      travel: {
        startingIpAddress: fastest.from.ip,
        endingIpAddress: fastest.to.ip,
        startingLocation: fastest.from.location,
        endingLocation: fastest.to.location,
        hourlyTimeDelta: round(fastest.hours, 2),
        distanceKm: Math.round(fastest.distanceKm),
        speedKmh: Math.round(fastest.speedKmh),
      },
      events: [
        {
          accountId: fastest.from.accountId,
          eventId: fastest.from.eventId,
          eventTime: fastest.from.time.toISOString(),
        },
        {
          accountId: fastest.to.accountId,
          eventId: fastest.to.eventId,
          eventTime: fastest.to.time.toISOString(),
        },
      ],
      detail: { hops: input.travel.length },
    },
  );
}

function findingFeatures(input: DayInput): Contribution[] {
  return input.findings.map((f) => {
    const weight = FINDING_WEIGHTS[f.severity];
    return contribution(
      'finding',
      f.findingIds.length,
      weight,
      weight,
      {
        findings: f.findingIds.slice(0, MAX_EVIDENCE),
        ruleId: f.ruleId,
        severity: f.severity,
        escalation: f.escalation,
      },
      f.ruleId,
    );
  });
}

/** All contributions of the day, largest first. */
export function dayFeatures(input: DayInput): Contribution[] {
  const items = countable(input);
  const anomalies = [
    ...noveltyFeatures(input, items),
    sensitiveFeature(input, items),
    ...rateFeatures(input),
    breadthFeature(input, items),
    travelFeature(input),
  ].filter((c): c is Contribution => c !== null);
  const findings = findingFeatures(input);
  const out = [...anomalies, ...findings];
  // Off-hours work alone is a night shift, not an incident: it only adds to another signal.
  const offHours = out.length > 0 ? offHoursFeature(input) : null;
  if (offHours) out.push(offHours);
  return out.sort((a, b) => b.contribution - a.contribution || a.feature.localeCompare(b.feature));
}
