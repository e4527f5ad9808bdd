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

export function combine(contributions: readonly Pick<Contribution, 'contribution' | 'evidence'>[]): number {
  let keep = 1;
  let escalation = false;
  for (const c of contributions) {
    keep *= 1 - Math.min(Math.max(c.contribution, 0), MAX_FACTOR);
    if (c.evidence.escalation) escalation = true;
  }
  const risk = 100 * (1 - keep) * (escalation ? ESCALATION_MULTIPLIER : 1);
  return roundScore(Math.min(100, risk));
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
