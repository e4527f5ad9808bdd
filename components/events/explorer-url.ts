import { eventsHref } from '@/lib/links';

/** The explorer's current URL parameters, as plain strings. */
export type ExplorerParams = Record<string, string>;

/**
 * The explorer URL with some parameters changed: a null or empty value removes one. A change to
 * anything but the page, the drawer or the columns goes back to page 1.
 */
export function explorerHref(
  current: ExplorerParams,
  patch: Record<string, string | number | null | undefined>,
): string {
  const next: Record<string, string> = { ...current };
  let resetsPage = false;
  for (const [key, value] of Object.entries(patch)) {
    if (!['page', 'ev', 'ctx', 'cols'].includes(key)) resetsPage = true;
    if (value === null || value === undefined || value === '') delete next[key];
    else next[key] = String(value);
  }
  if (resetsPage && !('page' in patch)) delete next.page;
  return eventsHref(next);
}

/** The explorer without any filter, keeping how the table is shown (sort and columns). */
export function clearedHref(current: ExplorerParams): string {
  const kept = Object.fromEntries(
    ['sort', 'dir', 'cols'].flatMap((key) => (current[key] ? [[key, current[key]]] : [])),
  );
  return eventsHref(kept);
}
