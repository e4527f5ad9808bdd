import { describe, expect, test } from 'vitest';
import { accountRisk, combine, UNCORROBORATED_CAP } from './composite';
import type { Contribution } from './types';

function c(feature: Contribution['feature'], contribution: number, escalation = false): Contribution {
  return {
    feature,
    value: 1,
    weight: contribution,
    contribution,
    evidence: escalation ? { escalation } : {},
  };
}

describe('combine', () => {
  test('100 * (1 - product(1 - c))', () => {
    expect(combine([c('new_country', 0.25), c('rate_calls', 0.3)])).toBe(47.5);
    expect(combine([])).toBe(0);
  });

  test('a finding in the privilege-escalation or defence-evasion tactics raises the score by a fifth', () => {
    const base = [c('new_country', 0.25), c('finding', 0.35)];
    const escalated = [c('new_country', 0.25), c('finding', 0.35, true)];
    expect(combine(base)).toBe(51.2);
    expect(combine(escalated)).toBe(61.5);
    expect(combine([c('impossible_travel', 0.99), c('finding', 0.85, true)])).toBe(100);
  });

  test('findings without anomalous behaviour are held below the alarm band', () => {
    expect(combine([c('finding', 0.6), c('finding', 0.35)])).toBe(UNCORROBORATED_CAP);
    // Off-hours only amplifies; it does not corroborate.
    expect(combine([c('finding', 0.6), c('off_hours', 0.15)])).toBe(UNCORROBORATED_CAP);
    expect(combine([c('finding', 0.6), c('new_api', 0.12)])).toBeGreaterThan(60);
  });

  test('a learning principal is corroborated only by baseline-free signals', () => {
    const findings = [c('finding', 0.6), c('finding', 0.35)];
    expect(combine([...findings, c('new_api', 0.12)], true)).toBe(UNCORROBORATED_CAP);
    expect(combine([...findings, c('new_country', 0.25)], true)).toBeGreaterThan(80);
    expect(combine([...findings, c('impossible_travel', 0.4)], true)).toBe(84.4);
  });

  test('never reaches 100 from anomalies alone unless they are overwhelming; order is kept', () => {
    const one = combine([c('new_country', 0.25)]);
    const two = combine([c('new_country', 0.25), c('new_asn', 0.2)]);
    expect(two).toBeGreaterThan(one);
    expect(two).toBeLessThan(100);
  });
});

describe('accountRisk', () => {
  test('the riskiest principal dominates; the rest of the top three raise it', () => {
    expect(accountRisk([])).toBe(0);
    expect(accountRisk([80])).toBe(80);
    expect(accountRisk([80, 0, 0, 0])).toBe(0.7 * 80 + (0.3 * 80) / 3);
    expect(accountRisk([80, 80, 80, 90])).toBeGreaterThan(accountRisk([90, 0, 0]));
    expect(accountRisk([10, 90, 20])).toBe(accountRisk([90, 20, 10]));
  });
});
