import type { ParsedEventFilters } from './event-filters';
import type { SortColumn } from './sort-columns';

// SQL for "events matching a filter", shared by the explorer's page, its count and the exports.
// Every value travels as a bind parameter; only fixed fragments from this file are concatenated.
// The event table has indexes for principal, event name, source IP and account (each + time) and
// no others, by design (each index slows ingest), so every query is bounded by a time range
// and the remaining filters are checked on the rows of that range.

export interface TimeWindow {
  from: Date;
  to: Date;
}

export interface EventWhere {
  /** Conditions on `event e` only: dimension filters are semi-joins, so no join is needed. */
  where: string;
  values: unknown[];
}

// The principal sort key is looked up per row by primary key, so sorting needs no join.
const SORT_SQL: Record<SortColumn, string> = {
  time: 'e.event_time',
  event: 'e.event_name',
  service: 'e.service',
  account: 'e.account_id',
  region: 'e.region',
  principal: '(SELECT sp.name FROM principal sp WHERE sp.id = e.principal_id)',
  ip: 'e.source_ip',
  error: 'e.error_code',
};

/** `%text%` for ILIKE, with the user's own % _ and \ taken literally. */
export function containsPattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

// Filters on principal, user-agent and IP details are semi-joins against those small tables
// (hashed once), never joins: PostgreSQL cannot estimate how many events a free-text or
// dimension filter keeps, and a join planned for "1 row" becomes a nested loop over the whole
// dimension table for every event.
export function buildEventWhere(filters: ParsedEventFilters, window: TimeWindow): EventWhere {
  const values: unknown[] = [];
  const conditions: string[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };

  conditions.push(`e.event_time >= ${param(window.from)}`, `e.event_time <= ${param(window.to)}`);
  if (filters.account) conditions.push(`e.account_id = ${param(filters.account)}`);
  if (filters.region) conditions.push(`e.region = ${param(filters.region)}`);
  if (filters.principal) conditions.push(`e.principal_id = ${param(filters.principal)}::bigint`);
  if (filters.ptype) {
    conditions.push(
      `e.principal_id IN (SELECT id FROM principal WHERE principal_type = ${param(filters.ptype)})`,
    );
  }
  if (filters.service) conditions.push(`e.service = ${param(filters.service)}`);
  if (filters.event) conditions.push(`e.event_name = ${param(filters.event)}`);
  if (filters.rw) conditions.push(`e.read_only = ${param(filters.rw === 'read')}`);
  if (filters.error === '*') conditions.push('e.error_code IS NOT NULL');
  else if (filters.error) conditions.push(`e.error_code = ${param(filters.error)}`);
  if (filters.ip) {
    conditions.push(
      filters.ip.includes('/')
        ? `e.source_ip <<= ${param(filters.ip)}::cidr`
        : `e.source_ip = ${param(filters.ip)}::inet`,
    );
  }
  if (filters.asn !== undefined) {
    conditions.push(`e.source_ip IN (SELECT ip FROM ip_address WHERE asn = ${param(filters.asn)})`);
  }
  if (filters.country) {
    conditions.push(
      `e.source_ip IN (SELECT ip FROM ip_address WHERE country_code = ${param(filters.country)})`,
    );
  }
  if (filters.ua) {
    conditions.push(`e.user_agent_id IN (SELECT id FROM user_agent WHERE family = ${param(filters.ua)})`);
  }
  if (filters.q) {
    conditions.push(`(e.detail -> 'requestParameters')::text ILIKE ${param(containsPattern(filters.q))}`);
  }
  return { where: conditions.join('\n  AND '), values };
}

/** The columns every event listing returns (see EventRow), over `e` joined with EVENT_ROW_JOINS. */
export const EVENT_ROW_COLUMNS = `
  e.account_id, e.event_id, e.event_time, e.region, e.service, e.event_source, e.event_name,
  e.read_only, e.error_code, e.error_message, host(e.source_ip) AS source_ip, e.source_host,
  e.access_key_id, e.principal_id::text AS principal_id, p.name AS principal_name,
  p.principal_type, p.arn AS principal_arn, ua.value AS user_agent, ua.family AS user_agent_family,
  i.country_code, i.country, i.asn, i.as_org`;

// One primary-key lookup per listed event; OFFSET 0 keeps the planner from turning them back
// into joins it would plan on a wrong row estimate (see buildEventWhere).
export const EVENT_ROW_JOINS = `
  CROSS JOIN LATERAL (SELECT name, principal_type, arn FROM principal WHERE id = e.principal_id OFFSET 0) p
  LEFT JOIN LATERAL (SELECT value, family FROM user_agent WHERE id = e.user_agent_id OFFSET 0) ua ON true
  LEFT JOIN LATERAL (
    SELECT country_code, country, asn, as_org FROM ip_address WHERE ip = e.source_ip OFFSET 0
  ) i ON true`;

export function orderBySql(sort: SortColumn, dir: 'asc' | 'desc'): string {
  const direction = dir === 'asc' ? 'ASC' : 'DESC';
  // Ties fall back to time and then id, so paging is stable.
  const tieBreak = sort === 'time' ? '' : `, e.event_time ${direction}`;
  return `${SORT_SQL[sort]} ${direction} NULLS LAST${tieBreak}, e.account_id ${direction}, e.event_id ${direction}`;
}

/**
 * Listing rows of a filter: the events are filtered, sorted and cut on `event` alone, and only
 * the rows kept are joined to their principal, user agent and IP details.
 */
export function eventRowsSql(
  where: EventWhere,
  sort: SortColumn,
  dir: 'asc' | 'desc',
  extraColumns = '',
  limit = '',
): string {
  const order = orderBySql(sort, dir);
  return `SELECT ${EVENT_ROW_COLUMNS}${extraColumns}
    FROM (SELECT e.* FROM event e WHERE ${where.where} ORDER BY ${order} ${limit}) e
    ${EVENT_ROW_JOINS}
    ORDER BY ${order}`;
}
