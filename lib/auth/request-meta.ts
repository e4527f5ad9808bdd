// Pure helpers over request headers, shared by the cookie code, the guards and the login action.

interface HeaderSource {
  get(name: string): string | null;
}

/**
 * The client address for throttling and the session list. `next start` fills x-forwarded-for
 * with the socket address only when the header is absent, so a client talking to Next directly
 * can write it. The right-most entry is the one added by the nearest proxy, which is the best
 * available; the per-email limit does not depend on it at all.
 */
export function clientIp(headers: HeaderSource): string | null {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').at(-1)?.trim();
  const candidate = last || headers.get('x-real-ip')?.trim();
  if (!candidate) return null;
  // Stored and compared as text; cap it so a forged header cannot bloat login_failure.
  return candidate.slice(0, 64);
}

/**
 * Secure cookies are sent only over https, so the flag follows the request: behind a TLS proxy
 * (x-forwarded-proto), a direct https URL, or forced with TRAILHOUND_SECURE_COOKIES=1. Plain
 * http on localhost must keep working for `npm start` on a laptop.
 */
export function isSecureRequest(
  headers: HeaderSource,
  requestUrl?: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): boolean {
  if (env.TRAILHOUND_SECURE_COOKIES === '1') return true;
  const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  if (proto) return proto === 'https';
  if (requestUrl) {
    try {
      return new URL(requestUrl).protocol === 'https:';
    } catch {
      return false;
    }
  }
  return false;
}

/** Reads one cookie from a Cookie header, for route handlers that get a plain Request. */
export function readCookie(cookieHeader: string | null, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
