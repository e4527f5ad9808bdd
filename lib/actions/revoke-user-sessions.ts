'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { recordAudit } from '@/lib/auth/audit';
import { requireActionSession } from '@/lib/auth/guards';
import { revokeAllSessionsForUser } from '@/lib/auth/session';
import { findUser } from '@/lib/auth/users';
import { type ActionResult, fromAuthError, invalidInput } from './result';

const schema = z.object({ userId: z.uuid() });

/** Admin only. Signs the account out everywhere; an admin revoking their own keeps the current session. */
export async function revokeUserSessionsAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  const auth = await requireActionSession(['admin']);
  if (!auth.ok) return auth;
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error);

  try {
    const user = await findUser(parsed.data.userId);
    const self = user.id === auth.session.userId;
    const revoked = await revokeAllSessionsForUser(
      user.id,
      self ? { exceptSessionId: auth.session.sessionId } : {},
    );
    await recordAudit({
      actor: { id: auth.session.userId, email: auth.session.email },
      action: 'user.sessions_revoke',
      targetType: 'user',
      targetId: user.id,
      detail: { email: user.email, revoked },
    });
    revalidatePath('/settings/users');
    return {
      ok: true,
      message: `Signed ${user.email} out of ${revoked} ${revoked === 1 ? 'session' : 'sessions'}.`,
    };
  } catch (error) {
    return fromAuthError(error);
  }
}
