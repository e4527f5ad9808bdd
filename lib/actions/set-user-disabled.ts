'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { recordAudit } from '@/lib/auth/audit';
import { requireActionSession } from '@/lib/auth/guards';
import { setDisabled } from '@/lib/auth/users';
import { type ActionResult, fromAuthError, invalidInput } from './result';

const schema = z.object({
  userId: z.uuid(),
  disabled: z.enum(['true', 'false']).transform((value) => value === 'true'),
});

/** Admin only. Disabling ends the account's sessions at once; the last active admin cannot be disabled. */
export async function setUserDisabledAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  const auth = await requireActionSession(['admin']);
  if (!auth.ok) return auth;
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  if (parsed.data.disabled && parsed.data.userId === auth.session.userId) {
    return { ok: false, error: 'conflict', message: 'You cannot disable your own account.' };
  }

  try {
    const { user, changed, revokedSessions } = await setDisabled(parsed.data.userId, parsed.data.disabled);
    if (changed) {
      await recordAudit({
        actor: { id: auth.session.userId, email: auth.session.email },
        action: user.disabled ? 'user.disable' : 'user.enable',
        targetType: 'user',
        targetId: user.id,
        detail: { email: user.email, revokedSessions },
      });
    }
    revalidatePath('/settings/users');
    return { ok: true, message: `${user.email} is ${user.disabled ? 'disabled' : 'enabled'}.` };
  } catch (error) {
    return fromAuthError(error);
  }
}
