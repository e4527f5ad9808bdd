import 'server-only';
import { getPool } from '@/lib/db/pg-pool';

// Event rows as cases, reports and share pages show them. Every column that came from a log
// record (names, agents, parameters) is attacker-controlled and must be rendered as text.

export interface CaseEventRow {
  accountId: string;
  eventId: string;
  eventTime: Date;
  eventName: string | null;
  service: string | null;
  region: string | null;
  errorCode: string | null;
  readOnly: boolean | null;
  sourceIp: string | null;
  accessKeyId: string | null;
  principalId: string;
  principalName: string;
  principalType: string;
  userAgent: string | null;
  asn: number | null;
  asOrg: string | null;
  countryCode: string | null;
}

export const EVENT_COLUMNS = `
  e.account_id AS "accountId", e.event_id AS "eventId", e.event_time AS "eventTime",
  e.event_name AS "eventName", e.service, e.region, e.error_code AS "errorCode",
  e.read_only AS "readOnly", host(e.source_ip) AS "sourceIp", e.access_key_id AS "accessKeyId",
  e.principal_id::text AS "principalId", p.name AS "principalName", p.principal_type AS "principalType",
  ua.value AS "userAgent", ip.asn, ip.as_org AS "asOrg", ip.country_code AS "countryCode"`;

export const EVENT_JOINS = `
  JOIN principal p ON p.id = e.principal_id
  LEFT JOIN user_agent ua ON ua.id = e.user_agent_id
  LEFT JOIN ip_address ip ON ip.ip = e.source_ip`;

export interface EventKey {
  accountId: string;
  eventId: string;
  eventTime: Date;
}

/** The events named by their keys; the time narrows each lookup to one partition. */
export async function loadEventsByKey(keys: readonly EventKey[]): Promise<CaseEventRow[]> {
  if (keys.length === 0) return [];
  const { rows } = await getPool().query<CaseEventRow>(
    `SELECT ${EVENT_COLUMNS}
       FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS k(account_id, event_id, event_time)
       JOIN event e ON e.account_id = k.account_id AND e.event_id = k.event_id AND e.event_time = k.event_time
       ${EVENT_JOINS}
      ORDER BY e.event_time`,
    [keys.map((key) => key.accountId), keys.map((key) => key.eventId), keys.map((key) => key.eventTime)],
  );
  return rows;
}

/** Finds an event's time (its partition) from its natural key, to store a bookmark. */
export async function findEventTime(accountId: string, eventId: string): Promise<Date | null> {
  const { rows } = await getPool().query<{ eventTime: Date }>(
    'SELECT event_time AS "eventTime" FROM event WHERE account_id = $1 AND event_id = $2 LIMIT 1',
    [accountId, eventId],
  );
  return rows[0]?.eventTime ?? null;
}

/** The evidence events of these findings, at most `perFinding` each (earliest first). */
export async function loadFindingEvidence(
  findingIds: readonly bigint[],
  perFinding: number,
): Promise<(CaseEventRow & { findingId: string })[]> {
  if (findingIds.length === 0) return [];
  const { rows } = await getPool().query<CaseEventRow & { findingId: string }>(
    `SELECT fe.finding_id::text AS "findingId", ${EVENT_COLUMNS}
       FROM (
         SELECT finding_id, account_id, event_id, event_time,
                row_number() OVER (PARTITION BY finding_id ORDER BY event_time, event_id) AS n
           FROM finding_event WHERE finding_id = ANY($1::bigint[])
       ) fe
       JOIN event e ON e.account_id = fe.account_id AND e.event_id = fe.event_id AND e.event_time = fe.event_time
       ${EVENT_JOINS}
      WHERE fe.n <= $2
      ORDER BY fe.finding_id, e.event_time`,
    [findingIds.map(String), perFinding],
  );
  return rows;
}
