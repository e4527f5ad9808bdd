'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { recordAudit } from '@/lib/auth/audit';
import { requireActionSession } from '@/lib/auth/guards';
import { getPool } from '@/lib/db/pg-pool';
import { deleteSigmaRule, setSigmaRuleEnabled } from '@/lib/detections/sigma/store';
import { type ActionResult, invalidInput } from './result';

const schema = z.object({
  ruleId: z.string().regex(/^sigma:[A-Za-z0-9._-]{1,100}$/),
  change: z.enum(['enable', 'disable', 'delete']),
});

/** Admin only: switch an imported Sigma rule on or off, or delete it. */
export async function changeSigmaRuleAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  const auth = await requireActionSession(['admin']);
  if (!auth.ok) return auth;
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const { ruleId, change } = parsed.data;
  const pool = getPool();
  const done =
    change === 'delete'
      ? await deleteSigmaRule(pool, ruleId)
      : await setSigmaRuleEnabled(pool, ruleId, change === 'enable');
  if (!done) {
    return change === 'enable'
      ? { ok: false, error: 'conflict', message: 'This rule does not compile; upload a fixed version first.' }
      : { ok: false, error: 'not_found', message: 'No imported rule has this id any more.' };
  }
  await recordAudit({
    actor: { id: auth.session.userId, email: auth.session.email },
    action: 'detection.sigma_rule_change',
    targetType: 'sigma_rule',
    targetId: ruleId,
    detail: { change },
  });
  revalidatePath('/settings/detection');
  return { ok: true, message: change === 'delete' ? 'Rule deleted.' : `Rule ${change}d.` };
}
