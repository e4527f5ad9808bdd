'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { recordAudit } from '@/lib/auth/audit';
import { startSession } from '@/lib/auth/current-session';
import { authenticate } from '@/lib/auth/login';
import { safeNextPath } from '@/lib/auth/next-path';
import { clientIp } from '@/lib/auth/request-meta';
import type { ActionResult } from './result';

// Generous caps: authenticate() applies the real rules; these only bound what gets parsed.
const loginSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(4096),
  next: z.string().max(2048).optional(),
});

/**
 * The one action that runs without a session (proxy.ts lets POSTs to /login through). Success
 * sets the cookie and redirects to `next`, reduced to a local path.
 */
export async function loginAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = loginSchema.safeParse({
    email: formData.get('email') ?? '',
    password: formData.get('password') ?? '',
    next: formData.get('next') || undefined,
  });
  if (!parsed.success) {
    const email = formData.get('email');
    return {
      ok: false,
      error: 'invalid',
      message: 'Enter your email and password.',
      values: { email: typeof email === 'string' ? email.slice(0, 320) : '' },
    };
  }
  const { email, password, next } = parsed.data;
  const ip = clientIp(await headers());
  const result = await authenticate({ email, password, ip });
  if (!result.ok) {
    return {
      ok: false,
      error: result.error === 'throttled' ? 'throttled' : 'invalid',
      message: result.message,
      values: { email },
    };
  }
  await startSession(result.user.id);
  await recordAudit({
    actor: { id: result.user.id, email: result.user.email },
    action: 'auth.login',
    targetType: 'user',
    targetId: result.user.id,
    detail: { ip },
  });
  redirect(safeNextPath(next));
}
