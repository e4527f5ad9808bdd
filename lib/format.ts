// Investigations compare times across people and CloudTrail records them in UTC, so the UI shows
// UTC everywhere; rendering the same string on server and client also avoids hydration drift.
const UTC_FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'short',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "28 Nov 2025, 14:05 UTC" */
export function formatUtc(value: Date | string | number): string {
  return `${UTC_FORMAT.format(new Date(value))} UTC`;
}

const UTC_DATE = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'short',
  day: '2-digit',
});
const UTC_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "28 Nov 2025", for tight table cells (pair with formatUtcTime on a second line). */
export function formatUtcDate(value: Date | string | number): string {
  return UTC_DATE.format(new Date(value));
}

/** "14:05 UTC" */
export function formatUtcTime(value: Date | string | number): string {
  return `${UTC_TIME.format(new Date(value))} UTC`;
}

const UTC_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "14:05:09", to the second, for event lists where calls a few seconds apart must differ. */
export function formatUtcClock(value: Date | string | number): string {
  return UTC_CLOCK.format(new Date(value));
}

// <input type="datetime-local"> has no zone. The UI speaks UTC, so its values are read and written
// as UTC: "2026-03-14T09:05" is 09:05 UTC whatever the browser's own zone.

/** The instant as an <input type="datetime-local"> value, "2026-03-14T09:05"; "" when there is none. */
export function toUtcInputValue(value: Date | string | undefined): string {
  const date = value === undefined ? undefined : new Date(value);
  return date && !Number.isNaN(date.getTime()) ? date.toISOString().slice(0, 16) : '';
}

/** The ISO instant a datetime-local value names, read as UTC; "" for an empty or malformed value. */
export function fromUtcInputValue(value: string): string {
  const date = new Date(`${value}:00Z`);
  return value && !Number.isNaN(date.getTime()) ? date.toISOString() : '';
}

const COUNT = new Intl.NumberFormat('en-US');
const COMPACT = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** "12,345" */
export function formatNumber(value: number): string {
  return COUNT.format(value);
}

/** "12.3K", for chart axes. */
export function formatCompact(value: number): string {
  return COMPACT.format(value);
}

/** Share of a total: "0.4%", "12%", "—" when there is no total. */
export function formatShare(part: number, total: number): string {
  if (!total) return '—';
  const percent = (part / total) * 100;
  if (percent === 0) return '0%';
  return percent < 10 ? `${percent.toFixed(1)}%` : `${Math.round(percent)}%`;
}
