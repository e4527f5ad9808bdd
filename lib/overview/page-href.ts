// Links from a dashboard to itself with some parameters changed: the others are kept, so a
// switch never drops the time range or the country.

type Value = string | Date | undefined | null;

export function pageHref(
  path: string,
  current: Record<string, Value>,
  changes: Record<string, Value>,
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...current, ...changes })) {
    if (value === undefined || value === null || value === '') continue;
    query.set(key, value instanceof Date ? value.toISOString() : value);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
