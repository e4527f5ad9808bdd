// Every weight the score uses, in one place; docs/scoring.md explains each and must change with
// them. A contribution is weight x strength (strength 0-1), and the composite multiplies in
// (1 - contribution) per feature (composite.ts).

import type { Severity } from '../severity';
import type { ItemKind } from './types';

/** Days before a day that form its baseline (the default for the principal page too). */
export const BASELINE_DAYS = 30;

export interface NoveltyWeight {
  /** Weight of an item nobody in the account used in the baseline. */
  newForAccount: number;
  /** Weight of an item new for this principal but known to the account (weighs less). */
  newForPrincipal: number;
  /** Items needed for strength ~0.63 (1 - e^-1): 0.5 means one item already counts almost fully. */
  scale: number;
}

export const NOVELTY_WEIGHTS: Record<ItemKind, NoveltyWeight> = {
  country: { newForAccount: 0.25, newForPrincipal: 0.1, scale: 0.5 },
  asn: { newForAccount: 0.2, newForPrincipal: 0.08, scale: 0.5 },
  city: { newForAccount: 0.1, newForPrincipal: 0.04, scale: 0.5 },
  ip: { newForAccount: 0.1, newForPrincipal: 0.03, scale: 2 },
  ua_family: { newForAccount: 0.2, newForPrincipal: 0.06, scale: 0.5 },
  service: { newForAccount: 0.1, newForPrincipal: 0.04, scale: 2 },
  api: { newForAccount: 0.12, newForPrincipal: 0.04, scale: 5 },
  region: { newForAccount: 0.15, newForPrincipal: 0.06, scale: 0.5 },
  role: { newForAccount: 0.2, newForPrincipal: 0.08, scale: 0.5 },
  bucket: { newForAccount: 0.12, newForPrincipal: 0.04, scale: 3 },
  access_key: { newForAccount: 0.2, newForPrincipal: 0.08, scale: 0.5 },
};

export const RATE_WEIGHTS = { calls: 0.3, errors: 0.35 } as const;

/** Distinct services in a day above the baseline's busiest day. */
export const BREADTH = { weight: 0.25, minServices: 4, minExcess: 3, fullExcess: 6 } as const;

/** Only counted next to another anomaly on the same day (anchors: a multiplier, not a signal). */
export const OFF_HOURS = { weight: 0.15, minCalls: 5, fullCalls: 50 } as const;

export const IMPOSSIBLE_TRAVEL_WEIGHT = 0.4;

export const SENSITIVE_API = { newForAccount: 0.35, newForPrincipal: 0.2, scale: 1.5 } as const;

/** Findings by severity (anchors section c). Several findings of one rule on a day count once. */
export const FINDING_WEIGHTS: Record<Severity, number> = {
  info: 0.05,
  low: 0.15,
  medium: 0.35,
  high: 0.6,
  critical: 0.85,
};

/** 1 - e^(-n/scale): the first items count most, later ones less. */
export function saturate(n: number, scale: number): number {
  return n <= 0 ? 0 : 1 - Math.exp(-n / scale);
}
