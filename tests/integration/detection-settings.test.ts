import { describe, expect, test } from 'vitest';
import { bindActiveRules, loadActiveRules } from '../../lib/detections/active-rules';
import {
  DEFAULT_DETECTION_SETTINGS,
  effectiveRuleConfig,
  getDetectionSettings,
  getRuleSettings,
  resetRuleSetting,
  saveDetectionSettings,
  saveRuleSetting,
  withinBusinessHours,
} from '../../lib/detections/settings';
import { setupIngestDatabase } from '../helpers/ingest-database';

const db = setupIngestDatabase();

describe('detection settings', () => {
  test('defaults when nothing is stored, saved values read back, bad values refused', async () => {
    expect(await getDetectionSettings(db.pool)).toEqual(DEFAULT_DETECTION_SETTINGS);
    const saved = await saveDetectionSettings(db.pool, {
      trustedCidrs: ['198.51.100.0/24'],
      knownAccountIds: ['123456789012'],
    });
    expect(saved.trustedCidrs).toEqual(['198.51.100.0/24']);
    expect(saved.businessHours).toEqual(DEFAULT_DETECTION_SETTINGS.businessHours);
    await expect(saveDetectionSettings(db.pool, { trustedCidrs: ['not-a-cidr'] })).rejects.toThrow(/CIDR/);
    await expect(saveDetectionSettings(db.pool, { knownAccountIds: ['12'] })).rejects.toThrow(/12 digits/);
    await expect(
      saveDetectionSettings(db.pool, {
        businessHours: { timeZone: 'Mars/Olympus', startHour: 8, endHour: 18, days: [1] },
      }),
    ).rejects.toThrow(/time zone/);
    expect((await getDetectionSettings(db.pool)).knownAccountIds).toEqual(['123456789012']);
  });

  test('a stored value that no longer validates falls back to its default', async () => {
    await db.pool.query(
      `INSERT INTO detection_setting (key, value) VALUES ('businessHours', '"always"')
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    );
    expect((await getDetectionSettings(db.pool)).businessHours).toEqual(
      DEFAULT_DETECTION_SETTINGS.businessHours,
    );
  });

  test('rule settings: overrides validated by the rule schema, disabled rules left out', async () => {
    await expect(
      saveRuleSetting(db.pool, 'R03', { enabled: true, config: { failures: 'many' } }),
    ).rejects.toThrow();
    await saveRuleSetting(db.pool, 'R03', { enabled: true, config: { failures: 9 } });
    await saveRuleSetting(db.pool, 'R47', { enabled: false, config: {} });
    await saveRuleSetting(db.pool, 'sigma:5f0c', { enabled: false, config: {} });
    const settings = await getRuleSettings(db.pool);
    expect(settings.get('R03')?.config).toEqual({ failures: 9 });
    expect(settings.get('sigma:5f0c')?.enabled).toBe(false);

    const active = await loadActiveRules(db.pool);
    const ids = active.rules.map((rule) => rule.id);
    expect(ids).toContain('R03');
    expect(ids).not.toContain('R47');
    expect(active.problems).toEqual([]);

    await resetRuleSetting(db.pool, 'R47');
    expect((await loadActiveRules(db.pool)).rules.map((rule) => rule.id)).toContain('R47');
  });

  test('a stored override that no longer validates disables only that rule', () => {
    const settings = new Map([
      ['R03', { ruleId: 'R03', enabled: true, config: { failures: -1 }, updatedAt: null }],
    ]);
    const active = bindActiveRules(settings, DEFAULT_DETECTION_SETTINGS);
    expect(active.problems.map((problem) => problem.ruleId)).toEqual(['R03']);
    expect(active.rules.length).toBeGreaterThan(60);
  });
});

describe('effective rule config', () => {
  const detection = {
    ...DEFAULT_DETECTION_SETTINGS,
    trustedCidrs: ['10.0.0.0/8'],
    knownAccountIds: ['111111111111'],
  };

  test('engine-wide allow-lists reach the rules that declare them, unioned with rule overrides', () => {
    expect(effectiveRuleConfig({ trustedCidrs: [] }, detection, undefined)).toEqual({
      trustedCidrs: ['10.0.0.0/8'],
    });
    expect(
      effectiveRuleConfig({ knownAccountIds: [] }, detection, { knownAccountIds: ['222222222222'] }),
    ).toEqual({ knownAccountIds: ['222222222222', '111111111111'] });
    expect(effectiveRuleConfig({ failures: 5 }, detection, { failures: 7 })).toEqual({ failures: 7 });
  });

  test('business hours in their own time zone', () => {
    const hours = { timeZone: 'America/New_York', startHour: 9, endHour: 17, days: [1, 2, 3, 4, 5] };
    // Tuesday 2026-12-01 14:00 UTC is 09:00 in New York.
    expect(withinBusinessHours(new Date('2026-12-01T14:00:00Z'), hours)).toBe(true);
    expect(withinBusinessHours(new Date('2026-12-01T13:59:00Z'), hours)).toBe(false);
    // Saturday.
    expect(withinBusinessHours(new Date('2026-12-05T15:00:00Z'), hours)).toBe(false);
  });
});
