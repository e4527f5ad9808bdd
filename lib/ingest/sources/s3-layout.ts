import type { SourceFilters } from './types';

/**
 * The CloudTrail delivery layout, shared by the S3 and local sources:
 * `[prefix/]AWSLogs/[o-xxxx/]<account>/<CloudTrail|CloudTrail-Digest|CloudTrail-Insight>/<region>/YYYY/MM/DD/<file>`.
 * Everything here is pure so the prefix planning can be tested without S3.
 */

export type TrailKind = 'log' | 'digest' | 'insight';

export const KIND_FOLDERS: Record<string, TrailKind> = {
  CloudTrail: 'log',
  'CloudTrail-Digest': 'digest',
  'CloudTrail-Insight': 'insight',
};

export interface TrailKey {
  orgId?: string;
  accountId: string;
  kind: TrailKind;
  region: string;
  /** Delivery day from the folder names, `YYYY-MM-DD` (UTC). */
  date: string;
}

const ORG_RE = /^o-[a-z0-9]+$/;
// Real account ids have 12 digits; fixtures and docs often shorten them, so any digit run is accepted.
const ACCOUNT_RE = /^\d+$/;
const REGION_RE = /^[a-z0-9]+(?:-[a-z0-9]+)+$/;

export const isOrgId = (segment: string): boolean => ORG_RE.test(segment);
export const isAccountId = (segment: string): boolean => ACCOUNT_RE.test(segment);
export const isRegion = (segment: string): boolean => REGION_RE.test(segment);

function isValidDay(y: string, m: string, d: string): boolean {
  if (!/^\d{4}$/.test(y) || !/^\d{2}$/.test(m) || !/^\d{2}$/.test(d)) return false;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

/**
 * Reads account, region, kind and day from a key or relative path that follows the layout, whatever
 * sits before `AWSLogs/` (a trail prefix, or the folder a local copy was made into). Returns null for
 * anything else, which callers keep rather than filter out.
 */
export function parseTrailKey(key: string): TrailKey | null {
  const segments = key.replaceAll('\\', '/').split('/');
  // The last AWSLogs segment wins, so a copy of a bucket nested in another layout still parses.
  const start = segments.lastIndexOf('AWSLogs');
  if (start === -1) return null;
  let rest = segments.slice(start + 1);
  let orgId: string | undefined;
  if (rest[0] !== undefined && isOrgId(rest[0])) {
    orgId = rest[0];
    rest = rest.slice(1);
  }
  // account / kind folder / region / YYYY / MM / DD / file
  if (rest.length !== 7) return null;
  const [accountId, kindFolder, region, y, m, d, file] = rest as [string, ...string[]];
  const kind = KIND_FOLDERS[kindFolder ?? ''];
  if (!isAccountId(accountId) || !kind || !region || !isRegion(region) || !file) return null;
  if (!y || !m || !d || !isValidDay(y, m, d)) return null;
  return { ...(orgId ? { orgId } : {}), accountId, kind, region, date: `${y}-${m}-${d}` };
}

/** `YYYY-MM-DD` of a date in UTC; throws on an invalid date so a bad filter cannot widen a listing. */
export function utcDay(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid date in the source filters');
  return date.toISOString().slice(0, 10);
}

export function accountAllowed(accountId: string, filters: SourceFilters): boolean {
  return !filters.accounts?.length || filters.accounts.includes(accountId);
}

export function regionAllowed(region: string, filters: SourceFilters): boolean {
  return !filters.regions?.length || filters.regions.includes(region);
}

export function matchesFilters(key: TrailKey, filters: SourceFilters): boolean {
  if (!accountAllowed(key.accountId, filters) || !regionAllowed(key.region, filters)) return false;
  if (filters.from && key.date < utcDay(filters.from)) return false;
  if (filters.to && key.date > utcDay(filters.to)) return false;
  return true;
}

/** Files outside the layout (exported JSON, JSON Lines) carry no account or day, so they always pass. */
export function pathPassesFilters(path: string, filters: SourceFilters): boolean {
  const parsed = parseTrailKey(path);
  return parsed === null || matchesFilters(parsed, filters);
}

const pad = (n: number): string => String(n).padStart(2, '0');
const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The smallest set of `YYYY/`, `YYYY/MM/` and `YYYY/MM/DD/` folder prefixes that covers exactly the UTC
 * days from..to (inclusive). Whole months and years collapse into one prefix, so a long range costs a
 * few list requests per region rather than one per day, and never reaches a day outside the range.
 */
export function datePrefixes(from: Date, to: Date): string[] {
  const first = utcDay(from);
  const last = utcDay(to);
  if (first > last) return [];
  const [fy, fm, fd] = first.split('-').map(Number) as [number, number, number];
  const [ly, lm, ld] = last.split('-').map(Number) as [number, number, number];
  const prefixes: string[] = [];
  for (let year = fy; year <= ly; year++) {
    const m0 = year === fy ? fm : 1;
    const m1 = year === ly ? lm : 12;
    const yearStartsInside = year > fy || (fm === 1 && fd === 1);
    const yearEndsInside = year < ly || (lm === 12 && ld === 31);
    if (yearStartsInside && yearEndsInside) {
      prefixes.push(`${year}/`);
      continue;
    }
    for (let month = m0; month <= m1; month++) {
      const d0 = year === fy && month === fm ? fd : 1;
      const lastDay = daysInMonth(year, month);
      const d1 = year === ly && month === lm ? ld : lastDay;
      if (d0 === 1 && d1 === lastDay) {
        prefixes.push(`${year}/${pad(month)}/`);
        continue;
      }
      for (let day = d0; day <= d1; day++) prefixes.push(`${year}/${pad(month)}/${pad(day)}/`);
    }
  }
  return prefixes;
}

/** How to list one region folder for the date filters. */
export type RegionPlan =
  | { mode: 'all' }
  | { mode: 'dates'; prefixes: string[] }
  /** Half-open or multi-year range: list the year folders first (one request) and plan within them. */
  | { mode: 'years' };

const MAX_YEARS_WITHOUT_DISCOVERY = 2;

export function planRegion(filters: SourceFilters): RegionPlan {
  const { from, to } = filters;
  if (!from && !to) return { mode: 'all' };
  if (!from || !to) return { mode: 'years' };
  const years = Number(utcDay(to).slice(0, 4)) - Number(utcDay(from).slice(0, 4)) + 1;
  if (years > MAX_YEARS_WITHOUT_DISCOVERY) return { mode: 'years' };
  return { mode: 'dates', prefixes: datePrefixes(from, to) };
}

/** Date prefixes limited to the year folders that exist, for a range that may be open on one side. */
export function datePrefixesInYears(years: string[], filters: SourceFilters): string[] {
  const first = filters.from ? utcDay(filters.from) : '0000-01-01';
  const last = filters.to ? utcDay(filters.to) : '9999-12-31';
  const prefixes: string[] = [];
  for (const year of [...years].filter((y) => /^\d{4}$/.test(y)).sort()) {
    const from = first > `${year}-01-01` ? first : `${year}-01-01`;
    const to = last < `${year}-12-31` ? last : `${year}-12-31`;
    if (from <= to)
      prefixes.push(...datePrefixes(new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`)));
  }
  return prefixes;
}

/** Where a user-given prefix sits in the layout, so listing can start at the right level. */
export type PrefixLocation =
  /** No `AWSLogs/` segment yet: discover folders level by level until one appears. */
  | { level: 'search'; prefix: string }
  | { level: 'awslogs'; prefix: string }
  | { level: 'org'; prefix: string; orgId: string }
  | { level: 'account'; prefix: string; accountId: string }
  | { level: 'kind'; prefix: string; accountId: string; kind: TrailKind }
  | { level: 'region'; prefix: string; accountId: string; region: string }
  /** Below a region folder, or under AWSLogs/ but off the layout: list everything, filter each key. */
  | { level: 'flat'; prefix: string }
  /** The prefix itself names an account or region the filters exclude. */
  | { level: 'excluded'; prefix: string };

/** `prefix` is a folder: empty, or ending in `/`. */
export function locatePrefix(prefix: string, filters: SourceFilters): PrefixLocation {
  const segments = prefix.split('/').slice(0, -1);
  const start = segments.lastIndexOf('AWSLogs');
  if (start === -1) return { level: 'search', prefix };
  const rest = segments.slice(start + 1);
  if (rest.length === 0) return { level: 'awslogs', prefix };
  let i = 0;
  const first = rest[0] as string;
  if (isOrgId(first)) {
    if (rest.length === 1) return { level: 'org', prefix, orgId: first };
    i = 1;
  }
  const accountId = rest[i] as string;
  if (!isAccountId(accountId)) return { level: 'flat', prefix };
  if (!accountAllowed(accountId, filters)) return { level: 'excluded', prefix };
  if (rest.length === i + 1) return { level: 'account', prefix, accountId };
  const kind = KIND_FOLDERS[rest[i + 1] as string];
  if (!kind) return { level: 'flat', prefix };
  if (rest.length === i + 2) return { level: 'kind', prefix, accountId, kind };
  const region = rest[i + 2] as string;
  if (!regionAllowed(region, filters)) return { level: 'excluded', prefix };
  if (rest.length === i + 3) return { level: 'region', prefix, accountId, region };
  return { level: 'flat', prefix };
}
