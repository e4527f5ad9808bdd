import 'server-only';
import ipaddr from 'ipaddr.js';
import { getPool } from '@/lib/db/pg-pool';
import type { Severity } from '@/lib/severity';
import { type CaseEventRow, EVENT_COLUMNS, EVENT_JOINS } from './event-rows';
import type { FindingSummary } from './load-case';
import { snapshotPathOf, viewSearchParams } from './view-url';

// What a share link for one saved view shows: that view's rows, read now, for exactly the filters
// in its URL (the parameters of lib/links.ts). Only the events explorer and the findings feed can
// be shared this way; the snapshot is capped so a link cannot be used to dump the database.

export const SNAPSHOT_LIMIT = 200;

export type ViewSnapshot =
  | { kind: 'events'; filters: [string, string][]; rows: CaseEventRow[]; truncated: boolean }
  | { kind: 'findings'; filters: [string, string][]; rows: FindingSummary[]; truncated: boolean };

class Where {
  readonly clauses: string[] = [];
  readonly values: unknown[] = [];
  add(sql: (placeholder: string) => string, value: unknown) {
    this.values.push(value);
    this.clauses.push(sql(`$${this.values.length}`));
  }
  toString() {
    return this.clauses.length ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

const isTime = (value: string) => !Number.isNaN(Date.parse(value));

function eventsWhere(params: URLSearchParams): Where {
  const where = new Where();
  const get = (name: string) => params.get(name)?.trim() || null;
  const from = get('from');
  const to = get('to');
  if (from && isTime(from)) where.add((p) => `e.event_time >= ${p}::timestamptz`, from);
  if (to && isTime(to)) where.add((p) => `e.event_time < ${p}::timestamptz`, to);
  const account = get('account');
  if (account) where.add((p) => `e.account_id = ${p}`, account);
  const region = get('region');
  if (region) where.add((p) => `e.region = ${p}`, region);
  const principal = get('principal');
  if (principal && /^[0-9]{1,18}$/.test(principal))
    where.add((p) => `e.principal_id = ${p}::bigint`, principal);
  const ptype = get('ptype');
  if (ptype) where.add((p) => `p.principal_type = ${p}`, ptype);
  const service = get('service');
  if (service) where.add((p) => `e.service = ${p}`, service);
  const event = get('event');
  if (event) where.add((p) => `e.event_name = ${p}`, event);
  const rw = get('rw');
  if (rw === 'read' || rw === 'write') where.add((p) => `e.read_only = ${p}::boolean`, rw === 'read');
  const error = get('error');
  if (error) where.add((p) => `e.error_code = ${p}`, error);
  const ip = get('ip');
  // An invalid address would make the ::inet cast fail; it matches nothing instead.
  if (ip)
    where.add((p) => (ipaddr.isValid(ip) ? `e.source_ip = ${p}::inet` : `false AND ${p}::text IS NULL`), ip);
  const asn = get('asn');
  if (asn && /^[0-9]{1,10}$/.test(asn)) where.add((p) => `ip.asn = ${p}::int`, asn);
  const country = get('country');
  if (country) where.add((p) => `ip.country_code = ${p}`, country.toUpperCase());
  const ua = get('ua');
  if (ua) where.add((p) => `ua.family = ${p}`, ua);
  const q = get('q');
  if (q) where.add((p) => `e.detail::text ILIKE '%' || ${p} || '%'`, q.replace(/[\\%_]/g, '\\$&'));
  return where;
}

function findingsWhere(params: URLSearchParams): Where {
  const where = new Where();
  const get = (name: string) => params.get(name)?.trim() || null;
  const from = get('from');
  const to = get('to');
  if (from && isTime(from)) where.add((p) => `last_seen >= ${p}::timestamptz`, from);
  if (to && isTime(to)) where.add((p) => `first_seen < ${p}::timestamptz`, to);
  for (const [param, column] of [
    ['severity', 'severity'],
    ['rule', 'rule_id'],
    ['account', 'account_id'],
    ['status', 'status'],
  ] as const) {
    const value = get(param);
    if (value) where.add((p) => `${column} = ${p}`, value);
  }
  const principal = get('principal');
  if (principal && /^[0-9]{1,18}$/.test(principal))
    where.add((p) => `principal_id = ${p}::bigint`, principal);
  return where;
}

/** The snapshot of a stored view URL, or null when that view cannot be shared. */
export async function loadViewSnapshot(viewUrl: string): Promise<ViewSnapshot | null> {
  const path = snapshotPathOf(viewUrl);
  if (!path) return null;
  const params = viewSearchParams(viewUrl);
  const filters = [...params.entries()];
  const pool = getPool();
  if (path === '/events') {
    const where = eventsWhere(params);
    const { rows } = await pool.query<CaseEventRow>(
      `SELECT ${EVENT_COLUMNS} FROM event e ${EVENT_JOINS} ${where} ORDER BY e.event_time DESC LIMIT ${SNAPSHOT_LIMIT + 1}`,
      where.values,
    );
    return {
      kind: 'events',
      filters,
      rows: rows.slice(0, SNAPSHOT_LIMIT),
      truncated: rows.length > SNAPSHOT_LIMIT,
    };
  }
  const where = findingsWhere(params);
  const { rows } = await pool.query<FindingSummary>(
    `SELECT id::text, rule_id AS "ruleId", severity, title, summary, status, account_id AS "accountId",
            principal_id::text AS "principalId", principal_key AS "principalKey", first_seen AS "firstSeen",
            last_seen AS "lastSeen", event_count AS "eventCount"
       FROM finding ${where} ORDER BY last_seen DESC LIMIT ${SNAPSHOT_LIMIT + 1}`,
    where.values,
  );
  return {
    kind: 'findings',
    filters,
    rows: rows.slice(0, SNAPSHOT_LIMIT).map((row) => ({ ...row, severity: row.severity as Severity })),
    truncated: rows.length > SNAPSHOT_LIMIT,
  };
}
