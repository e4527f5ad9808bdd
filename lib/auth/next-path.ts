const FALLBACK = '/overview';
const ORIGIN = 'http://trailhound.invalid';

/**
 * The `next` parameter after sign-in, reduced to a path on this site. Anything that could leave
 * the origin (`//evil`, `/\evil`, `https:`, `javascript:`) or loop back to /login falls back to
 * the overview, so the login page cannot be used as an open redirect.
 */
export function safeNextPath(raw: string | null | undefined): string {
  if (!raw || raw.length > 2048 || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) {
    return FALLBACK;
  }
  // Browsers strip tabs and newlines from URLs, which would turn "/\t/evil" into "//evil".
  if (/\p{Cc}/u.test(raw)) return FALLBACK;
  let url: URL;
  try {
    url = new URL(raw, ORIGIN);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== ORIGIN) return FALLBACK;
  if (url.pathname === '/login' || url.pathname.startsWith('/login/')) return FALLBACK;
  return `${url.pathname}${url.search}${url.hash}`;
}
