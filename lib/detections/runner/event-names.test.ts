import { describe, expect, test } from 'vitest';
import { type Scenario, toEvents } from '@/tests/fixtures/cloudtrail/detections';
import { ALL_RULE_CASES } from '@/tests/fixtures/cloudtrail/rule-cases';
import { evaluate } from '../evaluate';
import { RULES } from '../registry';

// A rule that declares its eventNames is read, on incremental runs, from only those events for
// most of its window. The declaration must therefore lose nothing: each match case still matches
// with every other event removed.
const declaring = Object.values(RULES).filter((rule) => Boolean(rule.bind().eventNames));

describe('declared eventNames cover every match case', () => {
  test('some long-window rules declare them', () => {
    expect(declaring.map((rule) => rule.id)).toEqual(expect.arrayContaining(['R13', 'R38', 'R39']));
  });

  for (const rule of declaring) {
    const names = new Set(rule.bind().eventNames);
    for (const scenario of ALL_RULE_CASES[rule.id].match as Scenario[]) {
      test(`${rule.id}: ${scenario.name}`, () => {
        const events = toEvents(scenario.records).filter((event) => names.has(event.eventName ?? ''));
        expect(evaluate(events, { ...scenario.options, rules: [rule] }).length).toBeGreaterThan(0);
      });
    }
  }
});
