// The findings feed's view, parsed from the URL (lib/links.ts findingsHref writes the same names).
// Bad values are dropped rather than refused, so an old or hand-edited link still opens a feed.
import { z } from 'zod';
import type { FindingFilters } from '@/lib/links';
import { SEVERITIES, type Severity } from '@/lib/severity';
import { FINDING_STATUSES, type FindingStatus } from './status';

export const FEED_SORTS = ['lastSeen', 'firstSeen', 'severity', 'eventCount', 'rule', 'status'] as const;
export type FeedSort = (typeof FEED_SORTS)[number];
export const FEED_PAGE_SIZE = 50;

export interface FeedQuery {
  severities: Severity[];
  statuses: FindingStatus[];
  rule?: string;
  tactic?: string;
  account?: string;
  /** A principal row id. */
  principal?: string;
  /** A user id, or 'none'. */
  assignee?: string;
  from?: Date;
  to?: Date;
  sort: FeedSort;
  dir: 'asc' | 'desc';
  page: number;
}

/** Comma-separated lists ("high,critical"), keeping only known values. */
function listOf<T extends string>(allowed: readonly T[]) {
  return z
    .string()
    .optional()
    .catch(undefined)
    .transform((value) =>
      [...new Set((value ?? '').split(','))].filter((item): item is T =>
        (allowed as readonly string[]).includes(item),
      ),
    );
}

// <input type="datetime-local"> submits "2026-03-14T09:05" without a zone; the UI is UTC throughout.
const instant = z
  .string()
  .optional()
  .catch(undefined)
  .transform((value) => {
    if (!value) return undefined;
    const text = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(value)
      ? `${value}${value.length === 10 ? 'T00:00' : ''}Z`
      : value;
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? undefined : date;
  });

const text = (max: number, pattern: RegExp) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(pattern)
    .optional()
    .catch(undefined)
    .transform((value) => value || undefined);

const schema = z.object({
  severity: listOf(SEVERITIES),
  status: listOf(FINDING_STATUSES),
  rule: text(200, /^[\w:.-]*$/),
  tactic: text(10, /^(TA\d{4})?$/),
  account: text(12, /^(\d{12})?$/),
  principal: text(18, /^(\d{1,18})?$/),
  assignee: text(36, /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|none)?$/i),
  from: instant,
  to: instant,
  sort: z.enum(FEED_SORTS).catch('lastSeen').default('lastSeen'),
  dir: z.enum(['asc', 'desc']).catch('desc').default('desc'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

type SearchParams = Record<string, string | string[] | undefined>;

export function parseFeedQuery(params: SearchParams): FeedQuery {
  const single = Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value.join(',') : value]),
  );
  const parsed = schema.parse(single);
  return {
    severities: parsed.severity,
    statuses: parsed.status,
    rule: parsed.rule,
    tactic: parsed.tactic,
    account: parsed.account,
    principal: parsed.principal,
    assignee: parsed.assignee?.toLowerCase(),
    from: parsed.from,
    to: parsed.to,
    sort: parsed.sort,
    dir: parsed.dir,
    page: parsed.page,
  };
}

/** The inverse, for links that change one part of the view and keep the rest. */
export function feedFilters(query: FeedQuery, change: Partial<FindingFilters> = {}): FindingFilters {
  const filters: FindingFilters = {
    severity: query.severities.join(',') || undefined,
    status: query.statuses.join(',') || undefined,
    rule: query.rule,
    tactic: query.tactic,
    account: query.account,
    principal: query.principal,
    assignee: query.assignee,
    from: query.from,
    to: query.to,
    sort: query.sort === 'lastSeen' ? undefined : query.sort,
    dir: query.dir === 'desc' ? undefined : query.dir,
    page: query.page > 1 ? query.page : undefined,
    ...change,
  };
  return filters;
}

export function hasFilters(query: FeedQuery): boolean {
  return Boolean(
    query.severities.length ||
      query.statuses.length ||
      query.rule ||
      query.tactic ||
      query.account ||
      query.principal ||
      query.assignee ||
      query.from ||
      query.to,
  );
}
