// Admin-editable detection settings, stored in rule_setting (per rule: on/off and config
// overrides) and detection_setting (engine-wide allow-lists and business hours). The runner loads
// them once per run; the Settings page reads and saves them through the same functions, so
// validation lives in one place: a bad override is refused when saved, not when the next ingest
// job runs the rules.

import ipaddr from 'ipaddr.js';
import type pg from 'pg';
import { z } from 'zod';
import { RULES } from './registry';
import type { RuleId } from './types';

type Db = pg.Pool | pg.ClientBase;

const cidr = z
  .string()
  .trim()
  .refine((value) => {
    try {
      ipaddr.parseCIDR(value);
      return true;
    } catch {
      return false;
    }
  }, 'not a CIDR range (e.g. 203.0.113.0/24 or 2001:db8::/32)');

const accountId = z
  .string()
  .trim()
  .regex(/^\d{12}$/, 'an AWS account id has 12 digits');

const timeZone = z
  .string()
  .trim()
  .refine((value) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }, 'not an IANA time zone (e.g. UTC, Europe/Berlin)');

export const businessHoursSchema = z
  .object({
    timeZone,
    // Hours of the day in timeZone: [startHour, endHour).
    startHour: z.number().int().min(0).max(23),
    endHour: z.number().int().min(1).max(24),
    // 0 = Sunday ... 6 = Saturday.
    days: z.array(z.number().int().min(0).max(6)).max(7),
  })
  .refine((hours) => hours.endHour > hours.startHour, {
    message: 'business hours must end after they start',
    path: ['endHour'],
  });
export type BusinessHours = z.infer<typeof businessHoursSchema>;

export const detectionSettingsSchema = z.object({
  // Source ranges the organisation owns (VPN, office egress, NAT): rules that judge "outside"
  // networks (R40, R61) treat them as inside.
  trustedCidrs: z.array(cidr).max(500),
  // Partner, log-archive and other own accounts that sharing/trust rules must not call external.
  knownAccountIds: z.array(accountId).max(2000),
  businessHours: businessHoursSchema,
  // On the first data ever loaded, first-seen rules only learn during this many days (from the
  // earliest event), so that every principal's first call of each kind is not reported.
  learningDays: z.number().int().min(0).max(90),
});
export type DetectionSettings = z.infer<typeof detectionSettingsSchema>;
export type DetectionSettingKey = keyof DetectionSettings;

export const DEFAULT_DETECTION_SETTINGS: DetectionSettings = {
  trustedCidrs: [],
  knownAccountIds: [],
  businessHours: { timeZone: 'UTC', startHour: 8, endHour: 18, days: [1, 2, 3, 4, 5] },
  learningDays: 3,
};

const SETTING_KEYS = Object.keys(DEFAULT_DETECTION_SETTINGS) as DetectionSettingKey[];

export interface RuleSetting {
  ruleId: string;
  enabled: boolean;
  // Overrides merged over the rule's defaultConfig (validated by its configSchema for catalogue rules).
  config: Record<string, unknown>;
  updatedAt: Date | null;
}

export const ruleSettingInputSchema = z.object({
  enabled: z.boolean(),
  config: z.record(z.string(), z.unknown()),
});
export type RuleSettingInput = z.infer<typeof ruleSettingInputSchema>;

/**
 * The engine-wide settings, defaults filled in for keys never saved. A stored value that no longer
 * validates (edited by hand, or an older shape) falls back to the default for that key rather
 * than stopping every detection run.
 */
export async function getDetectionSettings(db: Db): Promise<DetectionSettings> {
  const { rows } = await db.query<{ key: string; value: unknown }>(
    'SELECT key, value FROM detection_setting',
  );
  const stored = new Map(rows.map((row) => [row.key, row.value]));
  const settings = { ...DEFAULT_DETECTION_SETTINGS };
  for (const key of SETTING_KEYS) {
    if (!stored.has(key)) continue;
    const parsed = detectionSettingsSchema.shape[key].safeParse(stored.get(key));
    if (parsed.success) Object.assign(settings, { [key]: parsed.data });
  }
  return settings;
}

/** Validates (throws a ZodError) and saves the given keys; keys left out keep their stored value. */
export async function saveDetectionSettings(
  db: Db,
  input: Partial<DetectionSettings>,
  updatedBy: string | null = null,
): Promise<DetectionSettings> {
  const parsed = detectionSettingsSchema.partial().parse(input);
  for (const key of SETTING_KEYS) {
    const value = parsed[key];
    if (value === undefined) continue;
    await db.query(
      `INSERT INTO detection_setting (key, value, updated_by, updated_at) VALUES ($1, $2::jsonb, $3, now())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [key, JSON.stringify(value), updatedBy],
    );
  }
  return getDetectionSettings(db);
}

export async function getRuleSettings(db: Db): Promise<Map<string, RuleSetting>> {
  const { rows } = await db.query<{ rule_id: string; enabled: boolean; config: unknown; updated_at: Date }>(
    'SELECT rule_id, enabled, config, updated_at FROM rule_setting',
  );
  const settings = new Map<string, RuleSetting>();
  for (const row of rows) {
    const config =
      typeof row.config === 'object' && row.config !== null && !Array.isArray(row.config)
        ? (row.config as Record<string, unknown>)
        : {};
    settings.set(row.rule_id, {
      ruleId: row.rule_id,
      enabled: row.enabled,
      config,
      updatedAt: row.updated_at,
    });
  }
  return settings;
}

function isCatalogueRule(ruleId: string): ruleId is RuleId {
  return Object.hasOwn(RULES, ruleId);
}

/**
 * Saves one rule's switch and overrides. A catalogue rule's overrides are checked by binding the
 * rule with them (its zod configSchema throws on a bad threshold or an unknown shape); other ids
 * (imported Sigma rules, "sigma:<uuid>") have no tunables beyond on/off, and the caller validates them.
 */
export async function saveRuleSetting(
  db: Db,
  ruleId: string,
  input: RuleSettingInput,
  updatedBy: string | null = null,
): Promise<RuleSetting> {
  const parsed = ruleSettingInputSchema.parse(input);
  if (isCatalogueRule(ruleId)) RULES[ruleId].bind(parsed.config);
  const { rows } = await db.query<{ updated_at: Date }>(
    `INSERT INTO rule_setting (rule_id, enabled, config, updated_by, updated_at) VALUES ($1, $2, $3::jsonb, $4, now())
     ON CONFLICT (rule_id) DO UPDATE SET enabled = EXCLUDED.enabled, config = EXCLUDED.config,
       updated_by = EXCLUDED.updated_by, updated_at = now()
     RETURNING updated_at`,
    [ruleId, parsed.enabled, JSON.stringify(parsed.config), updatedBy],
  );
  return { ruleId, enabled: parsed.enabled, config: parsed.config, updatedAt: rows[0]?.updated_at ?? null };
}

/** Back to the rule's defaults: enabled, no overrides. */
export async function resetRuleSetting(db: Db, ruleId: string): Promise<void> {
  await db.query('DELETE FROM rule_setting WHERE rule_id = $1', [ruleId]);
}

/**
 * The config a rule runs with: its defaults, then the engine-wide settings for the keys the rule
 * declares (trustedCidrs, knownAccountIds, businessHours), then its own overrides. Allow-lists are
 * unioned, so a rule-specific entry adds to the organisation's list instead of replacing it.
 */
export function effectiveRuleConfig(
  defaultConfig: unknown,
  detection: DetectionSettings,
  overrides: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  if (typeof defaultConfig !== 'object' || defaultConfig === null || Array.isArray(defaultConfig))
    return overrides;
  const defaults = defaultConfig as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...overrides };
  for (const key of ['trustedCidrs', 'knownAccountIds'] as const) {
    if (!(key in defaults)) continue;
    const own = Array.isArray(overrides?.[key])
      ? (overrides[key] as unknown[])
      : (defaults[key] as unknown[]);
    merged[key] = [...new Set([...(Array.isArray(own) ? own : []), ...detection[key]])];
  }
  if ('businessHours' in defaults && overrides?.businessHours === undefined) {
    merged.businessHours = detection.businessHours;
  }
  return merged;
}

/** True when `time` falls inside the business hours (in their time zone). */
export function withinBusinessHours(time: Date, hours: BusinessHours): boolean {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: hours.timeZone,
    hourCycle: 'h23',
    hour: 'numeric',
    weekday: 'short',
  }).formatToParts(time);
  const hour = Number(parts.find((part) => part.type === 'hour')?.value ?? 0);
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(
    parts.find((part) => part.type === 'weekday')?.value ?? '',
  );
  return hours.days.includes(weekday) && hour >= hours.startHour && hour < hours.endHour;
}
