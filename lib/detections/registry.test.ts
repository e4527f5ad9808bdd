import { describe, expect, test } from 'vitest';
import { SEVERITIES } from '@/lib/severity';
import { ALL_RULE_CASES } from '@/tests/fixtures/cloudtrail/rule-cases';
import { RULES } from './registry';
import { RULE_IDS } from './rule-ids';

describe('registry', () => {
  test('every id maps to the rule that carries it', () => {
    for (const id of RULE_IDS) expect(RULES[id].id).toBe(id);
    expect(Object.keys(RULES).sort()).toEqual([...RULE_IDS].sort());
  });

  test('slugs are unique kebab-case and metadata is filled in', () => {
    const slugs = Object.values(RULES).map((rule) => rule.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const rule of Object.values(RULES)) {
      expect(rule.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(SEVERITIES).toContain(rule.severity);
      expect(rule.tactic.id).toMatch(/^TA\d{4}$/);
      expect(rule.technique.id).toMatch(/^T\d{4}(\.\d{3})?$/);
      expect(rule.description.length).toBeGreaterThan(20);
      expect(rule.triage.length).toBeGreaterThan(0);
      expect(rule.falsePositives.length).toBeGreaterThan(0);
      expect(rule.references.length).toBeGreaterThan(0);
    }
  });

  test('default configs satisfy their own schemas', () => {
    for (const rule of Object.values(RULES)) {
      expect(rule.configSchema.safeParse(rule.defaultConfig).success).toBe(true);
      expect(() => rule.bind()).not.toThrow();
    }
  });

  test('invalid config overrides are rejected at bind time', () => {
    expect(() => RULES.R03.bind({ failures: 'five' })).toThrow();
    expect(RULES.R03.bind({ failures: 2 }).kind).toBe('threshold');
  });

  test('every rule has at least one match and one no-match fixture', () => {
    for (const id of RULE_IDS) {
      expect(ALL_RULE_CASES[id].match.length, id).toBeGreaterThan(0);
      expect(ALL_RULE_CASES[id].noMatch.length, id).toBeGreaterThan(0);
    }
  });

  test('the catalogue covers every rule kind', () => {
    const kinds = new Set(Object.values(RULES).map((rule) => rule.kind));
    expect([...kinds].sort()).toEqual(['firstSeen', 'sequence', 'single', 'threshold']);
  });
});
