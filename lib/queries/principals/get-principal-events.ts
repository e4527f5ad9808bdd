import type { TimeWindow } from '@/lib/principals/scope';
import { ACCESS_DENIED_SQL, type Db } from './db';

export const TIMELINE_SORTS = ['time', 'event', 'service', 'ip', 'error'] as const;
export type TimelineSort = (typeof TIMELINE_SORTS)[number];

const SORT_SQL: Record<TimelineSort, string> = {
  time: 'e.event_time',
  event: 'e.event_name',
  service: 'e.service',
  ip: 'e.source_ip',
  error: 'e.error_code',
};

export interface TimelineQuery {
  principalId: string;
  accountId: string;
  window: TimeWindow;
  /** 'principal': this principal's calls; 'account': everyone's in the account (context view). */
  who: 'principal' | 'account';
  service?: string;
  event?: string;
  /** 'any' errors, or only 'denied'. */
  errors?: 'any' | 'denied';
  ip?: string;
  sort: TimelineSort;
  desc: boolean;
  page: number;
  pageSize: number;
}

export interface TimelineRow {
  accountId: string;
  eventId: string;
  eventTime: Date;
  eventName: string | null;
  service: string | null;
  region: string | null;
  sourceIp: string | null;
  sourceHost: string | null;
  country: string | null;
  asOrg: string | null;
  userAgentFamily: string | null;
  errorCode: string | null;
  accessKeyId: string | null;
  principalId: string;
  principalName: string;
}

export interface TimelinePage {
  rows: TimelineRow[];
  /** Matching rows, counted up to COUNT_CAP (then `capped`). */
  total: number;
  capped: boolean;
}

// A full count(*) of a busy principal's year would read every row; counting stops here, and the
// pager says "10,000+" instead.
export const COUNT_CAP = 10_000;

function whereClause(query: TimelineQuery): { sql: string; params: unknown[] } {
  const params: unknown[] = [query.window.from, query.window.to];
  const parts = ['e.event_time >= $1', 'e.event_time < $2'];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    parts.push(sql(`$${params.length}`));
  };
  if (query.who === 'account') add((n) => `e.account_id = ${n}`, query.accountId);
  else add((n) => `e.principal_id = ${n}`, query.principalId);
  if (query.service) add((n) => `e.service = ${n}`, query.service);
  if (query.event) add((n) => `e.event_name = ${n}`, query.event);
  if (query.ip) add((n) => `host(e.source_ip) = ${n}`, query.ip);
  if (query.errors === 'any') parts.push('e.error_code IS NOT NULL');
  if (query.errors === 'denied') parts.push(ACCESS_DENIED_SQL);
  return { sql: parts.join(' AND '), params };
}

/** One page of the principal's timeline, sorted and filtered in SQL. */
export async function getPrincipalEvents(db: Db, query: TimelineQuery): Promise<TimelinePage> {
  const { sql, params } = whereClause(query);
  const direction = query.desc ? 'DESC' : 'ASC';
  const order = `${SORT_SQL[query.sort]} ${direction} NULLS LAST, e.event_time ${direction}, e.event_id ${direction}`;
  const offset = (query.page - 1) * query.pageSize;
  const [page, count] = await Promise.all([
    db.query<TimelineRow>(
      `SELECT e.account_id AS "accountId", e.event_id AS "eventId", e.event_time AS "eventTime",
              e.event_name AS "eventName", e.service, e.region, host(e.source_ip) AS "sourceIp",
              e.source_host AS "sourceHost", ip.country_code AS country, ip.as_org AS "asOrg",
              ua.family AS "userAgentFamily", e.error_code AS "errorCode", e.access_key_id AS "accessKeyId",
              e.principal_id::text AS "principalId", p.name AS "principalName"
         FROM event e
         JOIN principal p ON p.id = e.principal_id
         LEFT JOIN ip_address ip ON ip.ip = e.source_ip
         LEFT JOIN user_agent ua ON ua.id = e.user_agent_id
        WHERE ${sql}
        ORDER BY ${order}
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, offset],
    ),
    db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM event e WHERE ${sql} LIMIT $${params.length + 1}) t`,
      [...params, COUNT_CAP + 1],
    ),
  ]);
  const total = count.rows[0]?.n ?? 0;
  return { rows: page.rows, total: Math.min(total, COUNT_CAP), capped: total > COUNT_CAP };
}

/** The time of one event of the account, to centre a context window on it. */
export async function getEventTime(db: Db, accountId: string, eventId: string): Promise<Date | null> {
  const { rows } = await db.query<{ t: Date }>(
    'SELECT event_time AS t FROM event WHERE account_id = $1 AND event_id = $2 LIMIT 1',
    [accountId, eventId],
  );
  return rows[0]?.t ?? null;
}

/** The services and event names the principal called in the window: the timeline filters' options. */
export async function getTimelineFacets(
  db: Db,
  principalId: string,
  window: TimeWindow,
): Promise<{ services: string[]; events: string[] }> {
  const { rows } = await db.query<{ services: string[] | null; events: string[] | null }>(
    `SELECT array_agg(DISTINCT service ORDER BY service) FILTER (WHERE service IS NOT NULL) AS services,
            array_agg(DISTINCT event_name ORDER BY event_name) FILTER (WHERE event_name IS NOT NULL) AS events
       FROM event WHERE principal_id = $1 AND event_time >= $2 AND event_time < $3`,
    [principalId, window.from, window.to],
  );
  return { services: rows[0]?.services ?? [], events: rows[0]?.events ?? [] };
}
