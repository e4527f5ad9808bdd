import { describe, expect, test } from 'vitest';
import { ITEM_KINDS, type ItemKind } from '../types';
import { type DayActivity, type DayInput, dayFeatures, type NewItemWithEvent } from './day-features';

function hours(counts: Record<number, number>): number[] {
  return Array.from({ length: 24 }, (_, h) => counts[h] ?? 0);
}

const workday: DayActivity = {
  hourlyCalls: hours({ 15: 20, 16: 25, 17: 20 }),
  hourlyErrors: hours({}),
  services: 3,
};

function item(kind: ItemKind, value: string, newForAccount: boolean): NewItemWithEvent {
  return {
    kind,
    value,
    newForAccount,
    firstSeen: '2026-10-20T15:00:00.000Z',
    count: 1,
    event: {
      accountId: '111122223333',
      eventId: `e-${kind}-${value}`,
      eventTime: '2026-10-20T15:00:00.000Z',
    },
  };
}

function input(overrides: Partial<DayInput> = {}): DayInput {
  return {
    day: '2026-10-20',
    learning: false,
    accountLearning: false,
    activity: workday,
    baseline: Array.from({ length: 20 }, () => workday),
    newItems: [],
    travel: [],
    findings: [],
    ...overrides,
  };
}

function features(result: ReturnType<typeof dayFeatures>): string[] {
  return result.map((c) => c.feature).sort();
}

describe('novelty', () => {
  // Access keys have their own rule (below).
  const kinds = ITEM_KINDS.filter((kind) => kind !== 'access_key');

  test.each(kinds)('a new %s gives new_<kind>, weighing more when new for the whole account', (kind) => {
    const principalOnly = dayFeatures(input({ newItems: [item(kind, 'x', false)] }));
    const account = dayFeatures(input({ newItems: [item(kind, 'x', true)] }));
    expect(features(principalOnly)).toEqual([`new_${kind}`]);
    expect(features(account)).toEqual([`new_${kind}`]);
    expect(account[0]?.contribution).toBeGreaterThan(principalOnly[0]?.contribution ?? 1);
    expect(account[0]?.evidence.items?.[0]).toMatchObject({ kind, value: 'x', newForAccount: true });
    expect(account[0]?.evidence.events?.[0]?.eventId).toBe(`e-${kind}-x`);
  });

  test('new access keys count only when long-term: session (ASIA) keys are new every session', () => {
    expect(features(dayFeatures(input({ newItems: [item('access_key', 'AKIAEXAMPLE1', true)] })))).toEqual([
      'new_access_key',
    ]);
    expect(dayFeatures(input({ newItems: [item('access_key', 'ASIAEXAMPLE1', true)] }))).toEqual([]);
  });

  test('more new items of a kind weigh more, never beyond the weight', () => {
    const one = dayFeatures(input({ newItems: [item('api', 'a', false)] }))[0];
    const many = dayFeatures(
      input({ newItems: 'abcdefghij'.split('').map((v) => item('api', v, false)) }),
    )[0];
    expect(many?.contribution).toBeGreaterThan(one?.contribution ?? 1);
    expect(many?.value).toBe(10);
    expect(many?.contribution).toBeLessThanOrEqual(many?.weight ?? 0);
  });

  test('a learning principal counts only what is new for the whole account', () => {
    const result = dayFeatures(
      input({ learning: true, newItems: [item('country', 'NL', true), item('service', 's3', false)] }),
    );
    expect(features(result)).toEqual(['new_country']);
  });

  test('while the account itself is learning, nothing is new', () => {
    expect(
      dayFeatures(input({ learning: true, accountLearning: true, newItems: [item('country', 'NL', true)] })),
    ).toEqual([]);
  });

  test('first use of a sensitive API adds sensitive_api next to new_api', () => {
    const result = dayFeatures(input({ newItems: [item('api', 'iam:CreateAccessKey', false)] }));
    expect(features(result)).toEqual(['new_api', 'sensitive_api']);
    expect(result.find((c) => c.feature === 'sensitive_api')?.contribution).toBeCloseTo(
      0.2 * (1 - Math.exp(-1 / 1.5)),
      3,
    );
  });
});

describe('rate, breadth and off-hours', () => {
  test('an error burst shows as rate_errors with the hour and the baseline it beat', () => {
    const result = dayFeatures(
      input({
        activity: { ...workday, hourlyErrors: hours({ 16: 40 }), hourlyCalls: hours({ 15: 20, 16: 60 }) },
      }),
    );
    const errors = result.find((c) => c.feature === 'rate_errors');
    expect(errors?.evidence.hour).toMatchObject({ start: '2026-10-20T16:00:00.000Z', count: 40, median: 0 });
    expect(errors?.evidence.hour?.pValue).toBeLessThan(1e-4);
  });

  test('breadth: many more services than on the busiest baseline day', () => {
    const result = dayFeatures(input({ activity: { ...workday, services: 12 } }));
    expect(result.find((c) => c.feature === 'breadth')).toMatchObject({
      value: 12,
      evidence: { detail: { baselineMax: 3 } },
    });
    expect(dayFeatures(input({ activity: { ...workday, services: 5 } }))).toEqual([]);
  });

  test('off-hours counts only next to another anomaly', () => {
    // Below the busiest baseline hour, so it is not a rate spike either.
    const night = { ...workday, hourlyCalls: hours({ 8: 12, 9: 8 }) };
    expect(dayFeatures(input({ activity: night }))).toEqual([]);
    const withNovelty = dayFeatures(input({ activity: night, newItems: [item('country', 'NL', true)] }));
    expect(features(withNovelty)).toEqual(['new_country', 'off_hours']);
    expect(withNovelty.find((c) => c.feature === 'off_hours')?.evidence.detail).toMatchObject({
      hours: [8, 9],
    });
  });

  test('learning principals have no rate, breadth or off-hours: there is nothing to compare with', () => {
    const wild = { hourlyCalls: hours({ 3: 900 }), hourlyErrors: hours({ 3: 400 }), services: 20 };
    expect(
      dayFeatures(input({ learning: true, activity: wild, newItems: [item('country', 'NL', true)] })).map(
        (c) => c.feature,
      ),
    ).toEqual(['new_country']);
  });
});

describe('findings and travel', () => {
  test('one contribution per rule at its severity weight, with the finding ids as evidence', () => {
    const result = dayFeatures(
      input({ findings: [{ ruleId: 'R01', severity: 'high', findingIds: ['7', '9'], escalation: true }] }),
    );
    expect(result).toEqual([
      {
        feature: 'finding',
        item: 'R01',
        value: 2,
        weight: 0.6,
        contribution: 0.6,
        evidence: { findings: ['7', '9'], ruleId: 'R01', severity: 'high', escalation: true },
      },
    ]);
  });

  test('impossible travel reports the fastest hop in Detective terms', () => {
    const from = {
      ip: '203.0.113.1',
      time: new Date('2026-10-20T15:00:00Z'),
      latitude: 39.74,
      longitude: -104.99,
      location: 'Denver, US',
      eventId: 'a',
      accountId: '1',
    };
    const to = {
      ...from,
      ip: '198.51.100.2',
      time: new Date('2026-10-20T16:00:00Z'),
      latitude: 52.37,
      longitude: 4.9,
      location: 'Amsterdam, NL',
      eventId: 'b',
    };
    const [travel] = dayFeatures(
      input({ travel: [{ from, to, distanceKm: 7800, hours: 1, speedKmh: 7800 }] }),
    );
    expect(travel).toMatchObject({
      feature: 'impossible_travel',
      value: 7800,
      evidence: {
        travel: {
          startingIpAddress: '203.0.113.1',
          endingIpAddress: '198.51.100.2',
          startingLocation: 'Denver, US',
          endingLocation: 'Amsterdam, NL',
          hourlyTimeDelta: 1,
        },
      },
    });
    expect(travel?.evidence.events?.map((e) => e.eventId)).toEqual(['a', 'b']);
  });
});
