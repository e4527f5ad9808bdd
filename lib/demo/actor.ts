// Shared machinery for benign actors: an actor says how busy it is in each
// hour (so the total can be scaled to the requested event count before any
// record is generated) and then produces that many records for the hour.

import { opSpec } from './catalog';
import { type OpContext, splitOp } from './catalog-shared';
import { accountKindOf, type DemoOrg } from './org';
import type { Prng } from './prng';
import { accessDenied, buildEvent, type Caller, type DemoEvent, throttled } from './record';
import { DAY, HOUR, localHourAndDay } from './time';

export interface GenContext {
  rng: Prng;
  org: DemoOrg;
  emit: (ev: DemoEvent) => void;
}

export interface Actor {
  id: string;
  /** Relative busyness in the hour starting at `hour` (ms); must not consume randomness. */
  weight(hour: number): number;
  /** Emits about `count` records with eventTime inside the hour. */
  run(g: GenContext, hour: number, count: number): void;
}

export interface CallOptions {
  deny?: boolean;
  throttle?: boolean;
  error?: { code: string; message: string };
  /** Defaults to the caller's account. */
  accountId?: string;
  params?: unknown;
  response?: unknown;
}

/** One API call through the catalog. Global services are pinned to us-east-1. */
export function callOp(
  g: GenContext,
  caller: Caller,
  op: string,
  region: string,
  time: number,
  opts: CallOptions = {},
): DemoEvent {
  const [service, name] = splitOp(op);
  const spec = opSpec(op);
  const accountId = opts.accountId ?? caller.accountId;
  const c: OpContext = {
    rng: g.rng,
    org: g.org,
    accountId,
    kind: accountKindOf(accountId),
    region: spec.global ? 'us-east-1' : region,
    time,
  };
  const params = opts.params !== undefined ? opts.params : spec.params ? spec.params(c) : null;
  let error = opts.error;
  if (!error && opts.deny) error = accessDenied(g.rng, service, name, caller.arn);
  if (!error && opts.throttle) error = throttled(service);
  return buildEvent(g.rng, {
    time,
    caller,
    service,
    name,
    region: c.region,
    readOnly: spec.readOnly,
    params,
    response: error
      ? null
      : opts.response !== undefined
        ? opts.response
        : spec.response
          ? spec.response(c, params)
          : null,
    error,
    resources: spec.resources?.(c, params),
    apiVersion: spec.apiVersion,
    recipientAccountId: accountId,
  });
}

/**
 * Times for `count` calls inside an hour, clumped into bursts the way people
 * and scripts work (a few seconds between calls, minutes between bursts).
 */
export function burstTimes(rng: Prng, hour: number, count: number, perBurst = 8, spreadSec = 90): number[] {
  const times: number[] = [];
  const bursts = Math.max(1, Math.ceil(count / perBurst));
  const centers: number[] = [];
  // Bursts start a minute into the hour so lead-in records (sign-ins) stay inside it.
  for (let b = 0; b < bursts; b++) centers.push(60 + rng.int(3540 - spreadSec));
  for (let i = 0; i < count; i++) {
    const center = centers[i % bursts] ?? 0;
    times.push(hour + (center + rng.int(spreadSec)) * 1000);
  }
  return times.sort((a, b) => a - b);
}

/** Spread evenly at random across the hour (machines, not people). */
export function uniformTimes(rng: Prng, hour: number, count: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push(hour + rng.int(3600) * 1000);
  return times.sort((a, b) => a - b);
}

export function dayIndex(ms: number): number {
  return Math.floor(ms / DAY);
}

/** Deterministic per-(key, day) coin without consuming the main stream. */
export function dailyHash(key: string, day: number, seed: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  const text = `${key}|${day}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d) >>> 0;
  h ^= h >>> 12;
  return (h >>> 0) / 4294967296;
}

/** Office-hours curve for a person, in their own time zone. */
export function workdayWeight(timeZone: string, startHour: number, hour: number): number {
  const { hour: h, weekday } = localHourAndDay(timeZone, hour);
  const weekend = weekday === 0 || weekday === 6;
  const rel = h - startHour;
  let w = 0;
  if (rel >= 0 && rel < 9) w = rel === 4 ? 0.5 : 1;
  else if (rel === -1) w = 0.2;
  else if (rel === 9) w = 0.35;
  else if (rel >= 10 && rel <= 13) w = 0.06;
  if (weekend) w = rel >= 1 && rel <= 6 ? 0.04 : 0;
  return w;
}

/** Machine traffic with a gentle US-daytime swell. */
export function diurnal(hour: number, amplitude = 0.5): number {
  const utcHour = new Date(hour).getUTCHours();
  // Peak around 18:00 UTC (midday in the Americas).
  return 1 + amplitude * Math.cos(((utcHour - 18) / 24) * 2 * Math.PI);
}

export { HOUR };
