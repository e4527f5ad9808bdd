export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

let cachedDay = Number.NaN;
let cachedDayPrefix = '';

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** CloudTrail eventTime: UTC, second precision. Hot path, so the date part is cached. */
export function isoSeconds(ms: number): string {
  const day = Math.floor(ms / DAY);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDayPrefix = new Date(day * DAY).toISOString().slice(0, 11);
  }
  const secs = Math.floor((ms - day * DAY) / 1000);
  return `${cachedDayPrefix}${two(Math.floor(secs / 3600))}:${two(Math.floor(secs / 60) % 60)}:${two(secs % 60)}Z`;
}

/** `YYYYMMDDTHHmmZ`, as in log file names. */
export function compactMinute(ms: number): string {
  const s = new Date(ms).toISOString();
  return `${s.slice(0, 4)}${s.slice(5, 7)}${s.slice(8, 10)}T${s.slice(11, 13)}${s.slice(14, 16)}Z`;
}

/** `YYYYMMDDTHHmmssZ`, as in digest file names. */
export function compactSecond(ms: number): string {
  const s = new Date(ms).toISOString();
  return `${compactMinute(ms).slice(0, -1)}${s.slice(17, 19)}Z`;
}

/** `YYYY/MM/DD`, the date folders of the S3 layout. */
export function datePath(ms: number): string {
  const s = new Date(ms).toISOString();
  return `${s.slice(0, 4)}/${s.slice(5, 7)}/${s.slice(8, 10)}`;
}

function clock(d: Date): string {
  const h = d.getUTCHours() % 12 || 12;
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  const ss = String(d.getUTCSeconds()).padStart(2, '0');
  return `${h}:${mm}:${ss} ${d.getUTCHours() < 12 ? 'AM' : 'PM'}`;
}

/**
 * The Java-style dates AWS writes inside responseElements. STS uses
 * "Oct 28, 2026, 8:51:07 AM" and IAM "Oct 28, 2026 8:51:07 AM"; parsers meet both.
 */
export function javaDate(ms: number, commaBeforeTime: boolean): string {
  const d = new Date(ms);
  const day = `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
  return `${day}${commaBeforeTime ? ',' : ''} ${clock(d)}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();

/** Minutes east of UTC for a zone at an instant (DST-aware, cached per hour). */
export function utcOffsetMinutes(timeZone: string, ms: number): number {
  const hourKey = `${timeZone}|${Math.floor(ms / HOUR)}`;
  const cached = offsetCache.get(hourKey);
  if (cached !== undefined) return cached;
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, fmt);
  }
  const parts: Record<string, number> = {};
  for (const p of fmt.formatToParts(new Date(Math.floor(ms / HOUR) * HOUR))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
  );
  const offset = Math.round((asUtc - Math.floor(ms / HOUR) * HOUR) / MINUTE);
  offsetCache.set(hourKey, offset);
  return offset;
}

/** Local wall-clock hour (0-23) and weekday (0 = Sunday) in a zone. */
export function localHourAndDay(timeZone: string, ms: number): { hour: number; weekday: number } {
  const local = new Date(ms + utcOffsetMinutes(timeZone, ms) * MINUTE);
  return { hour: local.getUTCHours(), weekday: local.getUTCDay() };
}

/** The UTC instant of a local wall-clock time on the local date that contains `dayMs`. */
export function localTimeToUtc(timeZone: string, dayMs: number, hour: number, minute: number): number {
  const offset = utcOffsetMinutes(timeZone, dayMs + 12 * HOUR);
  const local = new Date(dayMs + 12 * HOUR + offset * MINUTE);
  const wall = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), hour, minute);
  return wall - utcOffsetMinutes(timeZone, wall - offset * MINUTE) * MINUTE;
}
