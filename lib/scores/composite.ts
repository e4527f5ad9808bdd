// The composite: risk = 100 * (1 - product(1 - c_i)) over a window's contributions, raised by a
// fifth when a finding's tactic is privilege escalation or defence evasion (anchors section c).
// The SQL in window-scores.ts computes the same thing set-based; this is the reference both are
// tested against.

import type { Contribution } from './types';

/** A factor of 1 would pin every score at 100 whatever else happened; cap it so order survives. */
export const MAX_FACTOR = 0.99;
export const ESCALATION_MULTIPLIER = 1.2;
/** Fewer days of history than this at the end of a window: "learning". */
export const LEARNING_DAYS = 14;

/**
 * Rule hits alone do not make an alarm. Rules written around "new" (a new caller, new services, a
 * privileged role) also fire on ordinary work: a principal's first days, an admin's routine. A
 * score counts findings in full only when the principal's own behaviour that day is anomalous too:
 * anomaly features worth at least CORROBORATION (0.1) together. Otherwise it is held at
 * UNCORROBORATED_CAP, below the alarm band. A learning principal has no past to be anomalous
 * against, so only baseline-free signals corroborate it: an address's network, country or client
 * new to the whole account, or impossible travel.
 */
export const UNCORROBORATED_CAP = 40;
export const CORROBORATION = 0.1;
/** Features that are findings or only amplify others; they never corroborate. */
export const NOT_ANOMALIES: ReadonlySet<Contribution['feature']> = new Set(['finding', 'off_hours']);
export const BASELINE_FREE_FEATURES: ReadonlySet<Contribution['feature']> = new Set([
  'new_asn',
  'new_country',
  'new_ua_family',
  'impossible_travel',
]);

function product(values: readonly number[]): number {
  return values.reduce((keep, c) => keep * (1 - Math.min(Math.max(c, 0), MAX_FACTOR)), 1);
}

export function combine(
  contributions: readonly Pick<Contribution, 'feature' | 'contribution' | 'evidence'>[],
  learning = false,
): number {
  const escalation = contributions.some((c) => c.evidence.escalation);
  const risk = Math.min(
    100,
    100 * (1 - product(contributions.map((c) => c.contribution))) * (escalation ? ESCALATION_MULTIPLIER : 1),
  );
  const corroborating = contributions.filter((c) =>
    learning ? BASELINE_FREE_FEATURES.has(c.feature) : !NOT_ANOMALIES.has(c.feature),
  );
  const corroboration = 1 - product(corroborating.map((c) => c.contribution));
  return roundScore(corroboration >= CORROBORATION ? risk : Math.min(UNCORROBORATED_CAP, risk));
}

export function roundScore(score: number): number {
  return Math.round(score * 10) / 10;
}

/**
 * Account risk: the riskiest principal, raised by the mean of the top three, so one bad identity
 * dominates and several moderately risky ones still move the needle.
 */
export function accountRisk(principalScores: readonly number[]): number {
  const top = [...principalScores].sort((a, b) => b - a).slice(0, 3);
  if (top.length === 0) return 0;
  const max = top[0] ?? 0;
  const mean = top.reduce((sum, s) => sum + s, 0) / top.length;
  return roundScore(0.7 * max + 0.3 * mean);
}
