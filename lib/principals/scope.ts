import { z } from 'zod';

// The principal page compares a scope window with a baseline window, both in the URL
// (lib/links.ts principalHref). Archives are investigated after the fact, so defaults are
// anchored on the principal's own last activity, not on the clock.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const DEFAULT_SCOPE_DAYS = 7;
export const DEFAULT_BASELINE_DAYS = 30;
const MAX_SCOPE = 366 * DAY;

export interface TimeWindow {
  from: Date;
  to: Date;
}

export interface PrincipalScope {
  scope: TimeWindow;
  baseline: TimeWindow;
  /** True when the URL named the scope; false when it is the default. */
  explicit: boolean;
}

const isoDate = z
  .string()
  .optional()
  .catch(undefined)
  .transform((value) => {
    if (!value) return undefined;
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date;
  });

export const scopeParamsSchema = z.object({
  from: isoDate,
  to: isoDate,
  bfrom: isoDate,
  bto: isoDate,
});

function ceilHour(time: number): number {
  return Math.ceil(time / HOUR) * HOUR;
}

/**
 * The windows a principal page shows. `lastActivity` is the principal's latest event, used for
 * the default scope (the 7 days up to it); the baseline defaults to the 30 days before the scope.
 */
export function resolveScope(
  params: Record<string, string | string[] | undefined>,
  lastActivity: Date | null,
): PrincipalScope {
  const flat = Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  const parsed = scopeParamsSchema.parse(flat);
  const anchor = ceilHour((lastActivity ?? new Date()).getTime());
  let to = parsed.to?.getTime() ?? (parsed.from ? parsed.from.getTime() + DEFAULT_SCOPE_DAYS * DAY : anchor);
  let from = parsed.from?.getTime() ?? to - DEFAULT_SCOPE_DAYS * DAY;
  if (from >= to) [from, to] = [to - HOUR, Math.max(from, to)];
  if (to - from > MAX_SCOPE) from = to - MAX_SCOPE;

  let bto = parsed.bto?.getTime() ?? from;
  let bfrom = parsed.bfrom?.getTime() ?? bto - DEFAULT_BASELINE_DAYS * DAY;
  if (bfrom >= bto) [bfrom, bto] = [bto - DAY, Math.max(bfrom, bto)];

  return {
    scope: { from: new Date(from), to: new Date(to) },
    baseline: { from: new Date(bfrom), to: new Date(bto) },
    explicit: parsed.from !== undefined || parsed.to !== undefined,
  };
}

/** The URL parameters of a scope, for principalHref: the baseline only when it is not the default. */
export function scopeWindowParams(scope: TimeWindow, baseline?: TimeWindow) {
  const defaultBaselineFrom = scope.from.getTime() - DEFAULT_BASELINE_DAYS * DAY;
  const custom =
    baseline &&
    (baseline.to.getTime() !== scope.from.getTime() || baseline.from.getTime() !== defaultBaselineFrom);
  return {
    from: scope.from,
    to: scope.to,
    bfrom: custom ? baseline.from : undefined,
    bto: custom ? baseline.to : undefined,
  };
}
