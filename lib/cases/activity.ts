/** Inserts the days without events between the first and the last, so a chart's axis is true. */
export function fillDays(
  rows: readonly { day: string; events: number }[],
): { day: string; events: number }[] {
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last) return [];
  const byDay = new Map(rows.map((row) => [row.day, row.events]));
  const filled: { day: string; events: number }[] = [];
  const end = Date.parse(`${last.day}T00:00:00Z`);
  // A long case is capped at a year of bars; beyond that the chart would be unreadable anyway.
  for (let at = Date.parse(`${first.day}T00:00:00Z`); at <= end && filled.length < 366; at += 86_400_000) {
    const day = new Date(at).toISOString().slice(0, 10);
    filled.push({ day, events: byDay.get(day) ?? 0 });
  }
  return filled;
}
