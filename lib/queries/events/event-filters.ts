import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import type { EventFilters } from '../../links';
import { SORT_COLUMNS, type SortColumn } from './sort-columns';

// The explorer's URL parameters (lib/links.ts EventFilters and EventsView), parsed once here so
// the page, the export routes and the benchmark read exactly the same filter. A value that does
// not parse is dropped and named in `invalid`, so the page can say which filter it ignored
// instead of silently showing a broader result.

export const PAGE_SIZE = 50;
export const CONTEXT_MINUTES = [5, 15, 60] as const;
/** Without from/to, the explorer shows this much history before the newest stored event. */
export const DEFAULT_WINDOW_HOURS = 24;

/** lib/links.ts EventFilters once parsed: real dates and numbers, `ip` normalised, `country` upper case. */
export type ParsedEventFilters = Omit<EventFilters, 'from' | 'to' | 'asn'> & {
  from?: Date;
  to?: Date;
  asn?: number;
};

export interface ParsedEventsView {
  sort: SortColumn;
  dir: 'asc' | 'desc';
  page: number;
  /** Null: the default columns. */
  cols: string[] | null;
  ev: { accountId: string; eventId: string } | null;
  ctx: number;
}

export interface ParsedEventsQuery {
  filters: ParsedEventFilters;
  view: ParsedEventsView;
  /** Parameter names whose values were ignored. */
  invalid: string[];
}

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

const MAX_TEXT = 512;
const text = z.string().trim().min(1).max(MAX_TEXT);

const isoTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/)
  .transform((value, context) => {
    // A time without a zone is UTC, as the whole UI is.
    const withZone = /T.*(?:Z|[+-]\d{2}:\d{2})$/.test(value) || !value.includes('T') ? value : `${value}Z`;
    const date = new Date(withZone);
    if (Number.isNaN(date.getTime())) {
      context.addIssue({ code: 'custom', message: 'not a time' });
      return z.NEVER;
    }
    return date;
  });

const ipOrCidr = z
  .string()
  .trim()
  .transform((value, context) => {
    try {
      if (value.includes('/')) {
        const [address, bits] = ipaddr.parseCIDR(value);
        return `${address.toNormalizedString()}/${bits}`;
      }
      return ipaddr.parse(value).toNormalizedString();
    } catch {
      context.addIssue({ code: 'custom', message: 'not an IP address or CIDR range' });
      return z.NEVER;
    }
  });

const FILTER_SCHEMAS = {
  from: isoTime,
  to: isoTime,
  account: text,
  region: text,
  principal: z
    .string()
    .trim()
    .regex(/^\d{1,18}$/),
  ptype: text,
  service: text,
  event: text,
  rw: z.enum(['read', 'write']),
  error: text,
  ip: ipOrCidr,
  asn: z.coerce.number().int().min(0).max(4_294_967_295),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/)
    .transform((value) => value.toUpperCase()),
  ua: text,
  q: text,
} satisfies Record<keyof ParsedEventFilters, z.ZodType>;

const VIEW_SCHEMAS = {
  sort: z.enum(SORT_COLUMNS),
  dir: z.enum(['asc', 'desc']),
  page: z.coerce.number().int().min(1).max(100_000),
  cols: z
    .string()
    .trim()
    .regex(/^[a-z,]{1,200}$/)
    .transform((value) => value.split(',').filter(Boolean)),
  ev: z
    .string()
    .max(MAX_TEXT)
    .regex(/^\d{12}:.+$/s)
    .transform((value) => {
      const colon = value.indexOf(':');
      return { accountId: value.slice(0, colon), eventId: value.slice(colon + 1) };
    }),
  ctx: z.coerce
    .number()
    .int()
    .refine((value) => (CONTEXT_MINUTES as readonly number[]).includes(value)),
};

/** The URL parameter names of filters and of the view, in lib/links.ts order. */
export const FILTER_PARAMS = Object.keys(FILTER_SCHEMAS) as (keyof ParsedEventFilters)[];
export const VIEW_PARAMS = Object.keys(VIEW_SCHEMAS) as (keyof ParsedEventsView)[];

function firstValues(input: SearchParamsInput): Record<string, string | undefined> {
  if (input instanceof URLSearchParams) {
    const out: Record<string, string> = {};
    for (const key of input.keys()) out[key] ??= input.get(key) ?? '';
    return out;
  }
  return Object.fromEntries(
    Object.entries(input).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
}

function parseEach<T extends Record<string, z.ZodType>>(
  schemas: T,
  values: Record<string, string | undefined>,
  invalid: string[],
): { [K in keyof T]?: z.output<T[K]> } {
  const out: { [K in keyof T]?: z.output<T[K]> } = {};
  for (const key of Object.keys(schemas) as (keyof T & string)[]) {
    const raw = values[key];
    if (raw === undefined || raw.trim() === '') continue;
    const parsed = (schemas[key] as z.ZodType).safeParse(raw);
    if (parsed.success) out[key] = parsed.data as z.output<T[typeof key]>;
    else invalid.push(key);
  }
  return out;
}

export function parseEventsQuery(input: SearchParamsInput): ParsedEventsQuery {
  const values = firstValues(input);
  const invalid: string[] = [];
  const filters: ParsedEventFilters = parseEach(FILTER_SCHEMAS, values, invalid);
  if (filters.from && filters.to && filters.from > filters.to) {
    invalid.push('from');
    delete filters.from;
  }
  const view = parseEach(VIEW_SCHEMAS, values, invalid);
  return {
    filters,
    view: {
      sort: view.sort ?? 'time',
      dir: view.dir ?? 'desc',
      page: view.page ?? 1,
      cols: view.cols ?? null,
      ev: view.ev ?? null,
      ctx: view.ctx ?? 15,
    },
    invalid,
  };
}

/** The filter as URL values again (for links and export URLs), in lib/links.ts EventFilters shape. */
export function filtersToParams(filters: ParsedEventFilters): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined) continue;
    out[key] = value instanceof Date ? value.toISOString() : String(value);
  }
  return out;
}
