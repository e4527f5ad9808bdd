/**
 * `base` (a path with its query) with some parameters set or, when empty, removed. Client
 * controls use it to change one part of a view's URL and keep the rest.
 */
export function hrefWith(base: string, changes: Record<string, string | undefined>): string {
  const url = new URL(base, 'http://local');
  for (const [key, value] of Object.entries(changes)) {
    if (value) url.searchParams.set(key, value);
    else url.searchParams.delete(key);
  }
  return `${url.pathname}${url.search}`;
}
