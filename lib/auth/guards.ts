import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { REQUEST_PATH_HEADER, SESSION_COOKIE } from './constants';
import { getCurrentSession } from './current-session';
import { readCookie } from './request-meta';
import { hasRole, type Role } from './roles';
import { type ValidatedSession, validateSessionToken } from './session';

// Every page, route handler and server action calls one of these itself. proxy.ts only turns
// away requests without a cookie; it never sees the database, so it is not a check.

/**
 * For server components and layouts. No valid session: redirect to /login?next=<this page>.
 * Wrong role: forbidden(), which renders the nearest forbidden.tsx with status 403.
 */
export async function requirePageSession(roles?: readonly Role[]): Promise<ValidatedSession> {
  const session = await getCurrentSession();
  if (!session) {
    const path = (await headers()).get(REQUEST_PATH_HEADER);
    redirect(path ? `/login?next=${encodeURIComponent(path)}` : '/login');
  }
  if (!hasRole(session.role, roles)) forbidden();
  return session;
}

/** For route handlers: the session, or a 401/403 JSON Response to return as is. */
export async function requireApiSession(
  request: Request,
  roles?: readonly Role[],
): Promise<ValidatedSession | Response> {
  const token = readCookie(request.headers.get('cookie'), SESSION_COOKIE);
  const session = token ? await validateSessionToken(token) : null;
  if (!session) return jsonError(401, 'unauthorized');
  if (!hasRole(session.role, roles)) return jsonError(403, 'forbidden');
  return session;
}

function jsonError(status: 401 | 403, error: 'unauthorized' | 'forbidden'): Response {
  return Response.json({ error }, { status, headers: { 'Cache-Control': 'no-store' } });
}

export type ActionAuthFailure = { ok: false; error: 'unauthorized' | 'forbidden'; message: string };
export type ActionAuth = { ok: true; session: ValidatedSession } | ActionAuthFailure;

/**
 * For server actions, which anyone can POST to directly with a Next-Action header. Returns a
 * typed failure instead of throwing, so the action can `return auth` and the form shows the message.
 */
export async function requireActionSession(roles?: readonly Role[]): Promise<ActionAuth> {
  const session = await getCurrentSession();
  if (!session) {
    return { ok: false, error: 'unauthorized', message: 'Your session has ended. Sign in again.' };
  }
  if (!hasRole(session.role, roles)) {
    return { ok: false, error: 'forbidden', message: 'Your role does not allow this action.' };
  }
  return { ok: true, session };
}
