import type pg from 'pg';
import {
  DEFAULT_WINDOW_HOURS,
  PAGE_SIZE,
  type ParsedEventFilters,
  type ParsedEventsView,
} from './event-filters';
import { type EventDbRow, type EventRow, toEventRow } from './event-row';
import { buildEventWhere, eventRowsSql, type TimeWindow } from './event-sql';
import { getLatestEventTime } from './get-latest-event-time';

/**
 * Counting stops here: an exact count of a large match reads every matching row, which is what
 * makes explorers slow. Past it the page says "10,000+" and asks for a narrower filter.
 */
export const COUNT_CAP = 10_000;

export interface EventSearchResult {
  rows: EventRow[];
  /** Matching events, up to COUNT_CAP. */
  total: number;
  totalCapped: boolean;
  window: TimeWindow;
  /** True when the window came from the data (no from/to in the URL). */
  windowIsDefault: boolean;
  page: number;
  pageCount: number;
}

/**
 * The time range a filter covers: its own from/to; a missing `to` is the newest stored event (now
 * when nothing is stored), a missing `from` is DEFAULT_WINDOW_HOURS before `to`.
 */
export async function resolveTimeWindow(
  db: pg.Pool | pg.ClientBase,
  filters: ParsedEventFilters,
): Promise<{ window: TimeWindow; isDefault: boolean }> {
  if (filters.from && filters.to) return { window: { from: filters.from, to: filters.to }, isDefault: false };
  const latest = filters.to ?? (await getLatestEventTime(db)) ?? new Date();
  if (filters.from) {
    return {
      window: { from: filters.from, to: new Date(Math.max(latest.getTime(), filters.from.getTime())) },
      isDefault: false,
    };
  }
  return {
    window: { from: new Date(latest.getTime() - DEFAULT_WINDOW_HOURS * 3_600_000), to: latest },
    isDefault: !filters.to,
  };
}

export async function searchEvents(
  db: pg.Pool,
  filters: ParsedEventFilters,
  view: Pick<ParsedEventsView, 'sort' | 'dir' | 'page'>,
): Promise<EventSearchResult> {
  const { window, isDefault } = await resolveTimeWindow(db, filters);
  const where = buildEventWhere(filters, window);
  const countSql = `SELECT count(*)::int AS n FROM (SELECT 1 FROM event e WHERE ${where.where} LIMIT ${COUNT_CAP + 1}) capped`;
  const [count, page] = await Promise.all([
    db.query<{ n: number }>(countSql, where.values),
    db.query<EventDbRow>(
      eventRowsSql(
        where,
        view.sort,
        view.dir,
        '',
        `LIMIT ${PAGE_SIZE} OFFSET ${(view.page - 1) * PAGE_SIZE}`,
      ),
      where.values,
    ),
  ]);
  const counted = count.rows[0]?.n ?? 0;
  const total = Math.min(counted, COUNT_CAP);
  return {
    rows: page.rows.map(toEventRow),
    total,
    totalCapped: counted > COUNT_CAP,
    window,
    windowIsDefault: isDefault,
    page: view.page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}
