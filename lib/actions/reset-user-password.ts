'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { recordAudit } from '@/lib/auth/audit';
import { requireActionSession } from '@/lib/auth/guards';
import { resetPassword } from '@/lib/auth/users';
import { type ActionResult, fromAuthError, invalidInput } from './result';

const schema = z.object({ userId: z.uuid() });

/** Admin only. Generates a new password (returned once) and signs the account out everywhere. */
export async function resetUserPasswordAction(
  _previous: ActionResult<{ email: string; password: string }> | null,
  formData: FormData,
): Promise<ActionResult<{ email: string; password: string }>> {
  const auth = await requireActionSession(['admin']);
  if (!auth.ok) return auth;
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  if (parsed.data.userId === auth.session.userId) {
    // Resetting yourself here would sign you out mid-page; Settings > Change password is the way.
    return {
      ok: false,
      error: 'conflict',
      message: 'Use "Change password" on the Settings page for your own account.',
    };
  }

  try {
    const { user, password, revokedSessions } = await resetPassword(parsed.data.userId);
    await recordAudit({
      actor: { id: auth.session.userId, email: auth.session.email },
      action: 'user.password_reset',
      targetType: 'user',
      targetId: user.id,
      detail: { email: user.email, revokedSessions },
    });
    revalidatePath('/settings/users');
    return { ok: true, message: `New password for ${user.email}.`, data: { email: user.email, password } };
  } catch (error) {
    return fromAuthError(error);
  }
}
