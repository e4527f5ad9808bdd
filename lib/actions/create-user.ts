'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { recordAudit } from '@/lib/auth/audit';
import { requireActionSession } from '@/lib/auth/guards';
import { roleSchema } from '@/lib/auth/roles';
import { createUser, emailSchema } from '@/lib/auth/users';
import { type ActionResult, fromAuthError, invalidInput } from './result';

const schema = z.object({ email: emailSchema, role: roleSchema });

/** Admin only. The password is generated and returned once, for the admin to hand over. */
export async function createUserAction(
  _previous: ActionResult<{ email: string; password: string }> | null,
  formData: FormData,
): Promise<ActionResult<{ email: string; password: string }>> {
  const auth = await requireActionSession(['admin']);
  if (!auth.ok) return auth;
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error);

  try {
    const { user, password } = await createUser(parsed.data.email, parsed.data.role);
    await recordAudit({
      actor: { id: auth.session.userId, email: auth.session.email },
      action: 'user.create',
      targetType: 'user',
      targetId: user.id,
      detail: { email: user.email, role: user.role },
    });
    revalidatePath('/settings/users');
    return {
      ok: true,
      message: `Created ${user.email} (${user.role}).`,
      data: { email: user.email, password },
    };
  } catch (error) {
    return { ...fromAuthError(error), values: { email: parsed.data.email, role: parsed.data.role } };
  }
}
