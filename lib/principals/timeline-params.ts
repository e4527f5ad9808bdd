import { z } from 'zod';
import type { PrincipalView } from '@/lib/links';

// The explorer's sort columns that make sense for one principal (lib/queries/events).
export const TIMELINE_SORTS = ['time', 'event', 'service', 'ip', 'error'] as const;
export type TimelineSort = (typeof TIMELINE_SORTS)[number];
export const CONTEXT_MINUTES = [1, 5, 10, 30, 60] as const;
const DEFAULT_CONTEXT_MINUTES = 10;

export interface TimelineParams {
  page: number;
  sort: TimelineSort;
  desc: boolean;
  service?: string;
  event?: string;
  errors?: 'any' | 'denied';
  ip?: string;
  /** The event a context view is centred on, and its half-width in minutes. */
  around?: string;
  ctx: number;
  cwho: 'principal' | 'account';
}

const text = z.string().trim().max(200).optional().catch(undefined);

const schema = z.object({
  tpage: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  tsort: z.string().optional().catch(undefined),
  tservice: text,
  tevent: text,
  terrors: z.enum(['any', 'denied']).optional().catch(undefined),
  tip: text,
  around: text,
  ctx: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .catch(DEFAULT_CONTEXT_MINUTES)
    .default(DEFAULT_CONTEXT_MINUTES),
  cwho: z.enum(['principal', 'account']).catch('account').default('account'),
});

/** The timeline's page, sort and filters from the principal page's searchParams. */
export function parseTimelineParams(params: Record<string, string | string[] | undefined>): TimelineParams {
  const flat = Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  const parsed = schema.parse(flat);
  const rawSort = parsed.tsort ?? '-time';
  const desc = rawSort.startsWith('-');
  const name = rawSort.replace(/^-/, '');
  const sort = (TIMELINE_SORTS as readonly string[]).includes(name) ? (name as TimelineSort) : 'time';
  return {
    page: parsed.tpage,
    sort,
    desc,
    service: parsed.tservice || undefined,
    event: parsed.tevent || undefined,
    errors: parsed.terrors,
    ip: parsed.tip || undefined,
    around: parsed.around || undefined,
    ctx: parsed.ctx,
    cwho: parsed.cwho,
  };
}

/** The timeline parameters back as principalHref fields (defaults left out of the URL). */
export function timelineView(params: TimelineParams): PrincipalView {
  const sort = `${params.desc ? '-' : ''}${params.sort}`;
  return {
    tpage: params.page > 1 ? params.page : undefined,
    tsort: sort === '-time' ? undefined : sort,
    tservice: params.service,
    tevent: params.event,
    terrors: params.errors,
    tip: params.ip,
    around: params.around,
    ctx: params.around && params.ctx !== DEFAULT_CONTEXT_MINUTES ? params.ctx : undefined,
    cwho: params.around && params.cwho !== 'account' ? params.cwho : undefined,
  };
}
