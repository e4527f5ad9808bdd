'use server';

import { redirect } from 'next/navigation';
import { recordAudit } from '@/lib/auth/audit';
import { endCurrentSession } from '@/lib/auth/current-session';
import { requireActionSession } from '@/lib/auth/guards';

/** Revokes the session server-side (not just the cookie) and returns to the sign-in page. */
export async function logoutAction(): Promise<void> {
  const auth = await requireActionSession();
  // Clear the cookie even when the session had already ended, so the browser is left clean.
  await endCurrentSession();
  if (auth.ok) {
    await recordAudit({
      actor: { id: auth.session.userId, email: auth.session.email },
      action: 'auth.logout',
      targetType: 'session',
      targetId: auth.session.sessionId,
    });
  }
  redirect('/login');
}
