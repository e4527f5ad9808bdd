import { describe, expect, test } from 'vitest';
import { RULES } from './registry';
import { configFields, engineWideKeys, overridesFromForm } from './rule-config-fields';

describe('rule config fields', () => {
  test('fields follow the defaults; overrides show as text, defaults stay visible', () => {
    const fields = configFields({ failures: 5, ports: [22, 3389], pattern: 'Admin' }, { failures: 9 });
    expect(fields).toEqual([
      { key: 'failures', type: 'number', defaultText: '5', overrideText: '9' },
      { key: 'ports', type: 'list', defaultText: '22\n3389', overrideText: '' },
      { key: 'pattern', type: 'text', defaultText: 'Admin', overrideText: '' },
    ]);
  });

  test('object settings (business hours) come from the engine-wide settings, not a field', () => {
    expect(configFields(RULES.R50.defaultConfig).map((field) => field.key)).toEqual([
      'megabytes',
      'windowMinutes',
    ]);
    expect(engineWideKeys(RULES.R50.defaultConfig)).toEqual(['businessHours']);
  });

  test('blank fields keep the default; numbers, numeric lists and text lists are parsed', () => {
    const form = new Map([
      ['config.failures', ' 12 '],
      ['config.ports', '22\n\n 443 '],
      ['config.pattern', ''],
      ['config.users', 'alice\r\nbob'],
    ]);
    const defaults = { failures: 5, ports: [22], pattern: 'x', users: [] as string[] };
    expect(overridesFromForm(defaults, (name) => form.get(name) ?? null)).toEqual({
      failures: 12,
      ports: [22, 443],
      users: ['alice', 'bob'],
    });
  });

  test('a non-number reaches the rule schema, which refuses it', () => {
    const overrides = overridesFromForm(RULES.R03.defaultConfig, (name) =>
      name === 'config.failures' ? 'many' : null,
    );
    expect(overrides).toEqual({ failures: 'many' });
    expect(() => RULES.R03.bind(overrides)).toThrow();
  });

  test('every catalogue rule has a flat config the form can show', () => {
    for (const rule of Object.values(RULES)) {
      const fields = configFields(rule.defaultConfig);
      expect(fields.length + engineWideKeys(rule.defaultConfig).length, rule.id).toBe(
        Object.keys(rule.defaultConfig as object).length,
      );
      // What the form submits untouched (all blank) binds: the defaults.
      expect(() => rule.bind(overridesFromForm(rule.defaultConfig, () => ''))).not.toThrow();
    }
  });
});
