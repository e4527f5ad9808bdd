// A saved view is a URL of this app (lib/links.ts builds them). What is stored is always a
// relative path + query, checked here, so a bookmark can never become a link off-site or to a
// javascript: URL, whatever was pasted.

const VIEW_PATHS = [
  /^\/overview$/,
  /^\/events$/,
  /^\/findings$/,
  /^\/findings\/[^/]+$/,
  /^\/findings\/rules\/[^/]+$/,
  /^\/principals$/,
  /^\/principals\/[^/]+$/,
  /^\/accounts\/[^/]+$/,
  /^\/geo$/,
] as const;

/** Views a share link can snapshot read-only (their data is rendered on /share/<token>). */
export const SNAPSHOT_PATHS = ['/events', '/findings'] as const;
export type SnapshotPath = (typeof SNAPSHOT_PATHS)[number];

const BASE = 'http://trailhound.invalid';

/**
 * The canonical relative form of an app view URL, or null when it is not one. Accepts a full URL
 * of any host (pasted from the address bar) and keeps only its path and query.
 */
export function normaliseViewUrl(input: string): string | null {
  const text = input.trim();
  if (!text || text.length > 2000) return null;
  const isAbsolute = /^https?:\/\//i.test(text);
  // "//host/path" is protocol-relative: off-site, not a path of this app.
  if (!isAbsolute && (!text.startsWith('/') || text.startsWith('//'))) return null;
  let url: URL;
  try {
    url = isAbsolute ? new URL(text) : new URL(text, BASE);
  } catch {
    return null;
  }
  if (!VIEW_PATHS.some((pattern) => pattern.test(url.pathname))) return null;
  url.searchParams.sort();
  const query = url.searchParams.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}

/** The snapshot kind of a stored view URL, or null when only signed-in users can open it. */
export function snapshotPathOf(viewUrl: string): SnapshotPath | null {
  const { pathname } = new URL(viewUrl, BASE);
  return (SNAPSHOT_PATHS as readonly string[]).includes(pathname) ? (pathname as SnapshotPath) : null;
}

export function viewSearchParams(viewUrl: string): URLSearchParams {
  return new URL(viewUrl, BASE).searchParams;
}
