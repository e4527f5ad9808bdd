'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { recordAudit } from '@/lib/auth/audit';
import { requireActionSession } from '@/lib/auth/guards';
import { getPool } from '@/lib/db/pg-pool';
import { RULES } from '@/lib/detections/registry';
import { overridesFromForm } from '@/lib/detections/rule-config-fields';
import { resetRuleSetting, saveRuleSetting } from '@/lib/detections/settings';
import type { RuleId } from '@/lib/detections/types';
import { fromSettingsError } from './detection-settings-errors';
import { type ActionResult, invalidInput } from './result';

const schema = z.object({
  ruleId: z.string().refine((id): id is RuleId => Object.hasOwn(RULES, id), 'not a catalogue rule'),
  intent: z.enum(['save', 'reset']),
  enabled: z.literal('on').optional(),
});

/**
 * Admin only: a catalogue rule's switch and threshold overrides, validated by the rule's own zod
 * configSchema (saveRuleSetting binds the rule with them), or back to its defaults.
 */
export async function saveRuleSettingAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  const auth = await requireActionSession(['admin']);
  if (!auth.ok) return auth;
  const parsed = schema.safeParse({
    ruleId: formData.get('ruleId'),
    intent: formData.get('intent'),
    enabled: formData.get('enabled') ?? undefined,
  });
  if (!parsed.success) return invalidInput(parsed.error);
  const rule = RULES[parsed.data.ruleId as RuleId];
  const pool = getPool();
  if (parsed.data.intent === 'reset') {
    await resetRuleSetting(pool, rule.id);
  } else {
    const config = overridesFromForm(rule.defaultConfig, (name) => {
      const value = formData.get(name);
      return typeof value === 'string' ? value : null;
    });
    try {
      await saveRuleSetting(
        pool,
        rule.id,
        { enabled: parsed.data.enabled === 'on', config },
        auth.session.userId,
      );
    } catch (error) {
      return fromSettingsError(error, 'config.');
    }
  }
  await recordAudit({
    actor: { id: auth.session.userId, email: auth.session.email },
    action: 'detection.rule_setting',
    targetType: 'rule',
    targetId: rule.id,
    detail: { intent: parsed.data.intent, enabled: parsed.data.enabled === 'on' },
  });
  revalidatePath('/settings/detection');
  return {
    ok: true,
    message: parsed.data.intent === 'reset' ? `${rule.id} is back to its defaults.` : `${rule.id} saved.`,
  };
}
