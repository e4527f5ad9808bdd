import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { SESSION_COOKIE } from './constants';
import { clientIp, isSecureRequest } from './request-meta';
import {
  createSession,
  revokeSession,
  SESSION_ABSOLUTE_TIMEOUT_MS,
  type ValidatedSession,
  validateSessionToken,
} from './session';

/**
 * The signed-in session for this request, or null. Memoised per render pass with React cache, so
 * a layout and its page share one database read (server actions and route handlers get no
 * memoisation and read afresh).
 */
export const getCurrentSession = cache(async (): Promise<ValidatedSession | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return token ? validateSessionToken(token) : null;
});

/** Signs a user in: creates the session row and sets the cookie. Server actions and route handlers only. */
export async function startSession(userId: string): Promise<void> {
  const requestHeaders = await headers();
  const { token } = await createSession(userId, {
    userAgent: requestHeaders.get('user-agent'),
    ip: clientIp(requestHeaders),
  });
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: isSecureRequest(requestHeaders),
    // Lives as long as the session can at most; the row's sliding expiry is what actually decides.
    maxAge: SESSION_ABSOLUTE_TIMEOUT_MS / 1000,
  });
}

/** Ends this request's session (if any) and clears the cookie; returns what was ended. */
export async function endCurrentSession(): Promise<ValidatedSession | null> {
  const cookieStore = await cookies();
  const token = cookieStore.get(SESSION_COOKIE)?.value;
  const session = token ? await validateSessionToken(token) : null;
  if (session) await revokeSession(session.sessionId);
  cookieStore.delete(SESSION_COOKIE);
  return session;
}
