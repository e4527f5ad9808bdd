'use server';

import { z } from 'zod';
import { recordAudit } from '@/lib/auth/audit';
import { AuthError } from '@/lib/auth/errors';
import { requireActionSession } from '@/lib/auth/guards';
import { MAX_PASSWORD_LENGTH, passwordSchema } from '@/lib/auth/password';
import { changePassword } from '@/lib/auth/users';
import { type ActionResult, fromAuthError, invalidInput } from './result';

const schema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password.').max(MAX_PASSWORD_LENGTH),
    newPassword: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((input) => input.newPassword === input.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two new passwords do not match.',
  })
  .refine((input) => input.newPassword !== input.currentPassword, {
    path: ['newPassword'],
    message: 'Choose a password different from the current one.',
  });

/** Any role may change its own password; other sessions of the account are signed out. */
export async function changePasswordAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  const auth = await requireActionSession();
  if (!auth.ok) return auth;
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error);

  let revokedSessions: number;
  try {
    ({ revokedSessions } = await changePassword(
      auth.session.userId,
      parsed.data.currentPassword,
      parsed.data.newPassword,
      { keepSessionId: auth.session.sessionId },
    ));
  } catch (error) {
    const failure = fromAuthError(error);
    const wrongCurrent = error instanceof AuthError && error.code === 'wrong_password';
    return wrongCurrent ? { ...failure, fieldErrors: { currentPassword: failure.message } } : failure;
  }
  await recordAudit({
    actor: { id: auth.session.userId, email: auth.session.email },
    action: 'auth.password_change',
    targetType: 'user',
    targetId: auth.session.userId,
    detail: { revokedSessions },
  });
  const others = revokedSessions === 1 ? '1 other session was' : `${revokedSessions} other sessions were`;
  return { ok: true, message: `Password changed. ${revokedSessions ? `${others} signed out.` : ''}`.trim() };
}
