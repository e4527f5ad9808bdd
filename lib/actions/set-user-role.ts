'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { recordAudit } from '@/lib/auth/audit';
import { requireActionSession } from '@/lib/auth/guards';
import { roleSchema } from '@/lib/auth/roles';
import { setRole } from '@/lib/auth/users';
import { type ActionResult, fromAuthError, invalidInput } from './result';

const schema = z.object({ userId: z.uuid(), role: roleSchema });

/** Admin only; refuses to demote the last active admin (users.ts enforces it in a transaction). */
export async function setUserRoleAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  const auth = await requireActionSession(['admin']);
  if (!auth.ok) return auth;
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error);

  try {
    const { user, previousRole } = await setRole(parsed.data.userId, parsed.data.role);
    if (previousRole !== user.role) {
      await recordAudit({
        actor: { id: auth.session.userId, email: auth.session.email },
        action: 'user.role_change',
        targetType: 'user',
        targetId: user.id,
        detail: { email: user.email, from: previousRole, to: user.role },
      });
    }
    revalidatePath('/settings/users');
    return { ok: true, message: `${user.email} is now ${user.role}.` };
  } catch (error) {
    return fromAuthError(error);
  }
}
