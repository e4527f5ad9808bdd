import type { ParsedEventFilters, SortColumn } from './event-filters';

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
  /** The joins the filters need (the row query adds the rest). */
  joins: string;
  where: string;
  values: unknown[];
}

const SORT_SQL: Record<SortColumn, string> = {
  time: 'e.event_time',
  event: 'e.event_name',
  service: 'e.service',
  account: 'e.account_id',
  region: 'e.region',
  principal: 'p.name',
  ip: 'e.source_ip',
  error: 'e.error_code',
};

const JOIN_PRINCIPAL = 'JOIN principal p ON p.id = e.principal_id';
const JOIN_USER_AGENT = 'LEFT JOIN user_agent ua ON ua.id = e.user_agent_id';
const JOIN_IP = 'LEFT JOIN ip_address i ON i.ip = e.source_ip';

/** `%text%` for ILIKE, with the user's own % _ and \ taken literally. */
export function containsPattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export function buildEventWhere(filters: ParsedEventFilters, window: TimeWindow): EventWhere {
  const values: unknown[] = [];
  const conditions: string[] = [];
  const joins = new Set<string>();
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };

  conditions.push(`e.event_time >= ${param(window.from)}`, `e.event_time <= ${param(window.to)}`);
  if (filters.account) conditions.push(`e.account_id = ${param(filters.account)}`);
  if (filters.region) conditions.push(`e.region = ${param(filters.region)}`);
  if (filters.principal) conditions.push(`e.principal_id = ${param(filters.principal)}::bigint`);
  if (filters.ptype) {
    joins.add(JOIN_PRINCIPAL);
    conditions.push(`p.principal_type = ${param(filters.ptype)}`);
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
    joins.add(JOIN_IP);
    conditions.push(`i.asn = ${param(filters.asn)}`);
  }
  if (filters.country) {
    joins.add(JOIN_IP);
    conditions.push(`i.country_code = ${param(filters.country)}`);
  }
  if (filters.ua) {
    joins.add(JOIN_USER_AGENT);
    conditions.push(`ua.family = ${param(filters.ua)}`);
  }
  if (filters.q) {
    conditions.push(`(e.detail -> 'requestParameters')::text ILIKE ${param(containsPattern(filters.q))}`);
  }
  return { joins: [...joins].join('\n'), where: conditions.join('\n  AND '), values };
}

/** The columns every event listing returns (see EventRow), over event e and its dimensions. */
export const EVENT_ROW_COLUMNS = `
  e.account_id, e.event_id, e.event_time, e.region, e.service, e.event_source, e.event_name,
  e.read_only, e.error_code, e.error_message, host(e.source_ip) AS source_ip, e.source_host,
  e.access_key_id, e.principal_id::text AS principal_id, p.name AS principal_name,
  p.principal_type, p.arn AS principal_arn, ua.value AS user_agent, ua.family AS user_agent_family,
  i.country_code, i.country, i.asn, i.as_org`;

/** Row joins, leaving out the ones the filter already made. */
export function rowJoins(where: EventWhere): string {
  return [JOIN_PRINCIPAL, JOIN_USER_AGENT, JOIN_IP].filter((join) => !where.joins.includes(join)).join('\n');
}

export function orderBySql(sort: SortColumn, dir: 'asc' | 'desc'): string {
  const direction = dir === 'asc' ? 'ASC' : 'DESC';
  // Ties fall back to time and then id, so paging is stable.
  const tieBreak = sort === 'time' ? '' : `, e.event_time ${direction}`;
  return `${SORT_SQL[sort]} ${direction} NULLS LAST${tieBreak}, e.account_id ${direction}, e.event_id ${direction}`;
}
