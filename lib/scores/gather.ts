// What the scorer gathers for the principal-days in score_target, one set-based query each:
// first days (history), activity with the baseline days, new items, travel hops, findings.
// Results are keyed by principalDayKey(principalId, day).

import type pg from 'pg';
import { RULES } from '../detections/registry';
import type { Rule } from '../detections/types';
import type { Severity } from '../severity';
import type { DayActivity, DayFinding, NewItemWithEvent } from './features/day-features';
import { type GeoPoint, impossibleHop, type TravelHop } from './features/geo';
import type { ItemKind } from './types';
import { BASELINE_DAYS } from './weights';

const ESCALATION_TACTICS = new Set(['TA0004', 'TA0005']);

export function principalDayKey(principalId: string, day: string): string {
  return `${principalId}|${day}`;
}

function append<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export async function readFirstDays(client: pg.PoolClient): Promise<Map<string, string>> {
  const { rows } = await client.query<{ id: string; first: string }>(
    `SELECT principal_id::text AS id, to_char(min(day), 'YYYY-MM-DD') AS first FROM principal_day
     WHERE principal_id IN (SELECT DISTINCT principal_id FROM score_target) GROUP BY principal_id`,
  );
  return new Map(rows.map((r) => [r.id, r.first]));
}

export async function readAccountFirstDays(client: pg.PoolClient): Promise<Map<string, string>> {
  const { rows } = await client.query<{ id: string; first: string }>(
    `SELECT account_id AS id, to_char(min(day), 'YYYY-MM-DD') AS first FROM principal_day
     WHERE account_id IN (SELECT DISTINCT account_id FROM score_target) GROUP BY account_id`,
  );
  return new Map(rows.map((r) => [r.id, r.first]));
}

/** The targets' days and their baseline days. */
export async function readActivity(client: pg.PoolClient): Promise<Map<string, DayActivity>> {
  const { rows } = await client.query<{
    id: string;
    day: string;
    hc: number[];
    he: number[];
    services: number;
  }>(
    `SELECT d.principal_id::text AS id, to_char(d.day, 'YYYY-MM-DD') AS day, d.hourly_calls AS hc,
            d.hourly_errors AS he, d.services
     FROM principal_day d
     JOIN (SELECT principal_id, min(day) - $1::int AS lo, max(day) AS hi FROM score_target GROUP BY principal_id) r
       ON r.principal_id = d.principal_id AND d.day BETWEEN r.lo AND r.hi`,
    [BASELINE_DAYS],
  );
  return new Map(
    rows.map((r) => [
      principalDayKey(r.id, r.day),
      { hourlyCalls: r.hc, hourlyErrors: r.he, services: r.services },
    ]),
  );
}

/** Items of the target days that the principal did not use in the 30 days before, flagged when the account did not either. */
export async function readNewItems(client: pg.PoolClient): Promise<Map<string, NewItemWithEvent[]>> {
  const { rows } = await client.query<{
    id: string;
    day: string;
    account_id: string;
    kind: ItemKind;
    value: string;
    calls: number;
    first_time: Date;
    first_event_id: string;
    new_for_account: boolean;
  }>(
    `SELECT i.principal_id::text AS id, to_char(i.day, 'YYYY-MM-DD') AS day, i.account_id, i.kind, i.value, i.calls,
            i.first_time, i.first_event_id,
            NOT EXISTS (SELECT 1 FROM principal_day_item b
                        WHERE b.account_id = i.account_id AND b.kind = i.kind AND b.value = i.value
                          AND b.day >= i.day - $1::int AND b.day < i.day) AS new_for_account
     FROM principal_day_item i
     JOIN score_target t ON t.principal_id = i.principal_id AND t.day = i.day
     WHERE NOT EXISTS (SELECT 1 FROM principal_day_item b
                       WHERE b.principal_id = i.principal_id AND b.kind = i.kind AND b.value = i.value
                         AND b.day >= i.day - $1::int AND b.day < i.day)`,
    [BASELINE_DAYS],
  );
  const out = new Map<string, NewItemWithEvent[]>();
  for (const r of rows) {
    append(out, principalDayKey(r.id, r.day), {
      kind: r.kind,
      value: r.value,
      newForAccount: r.new_for_account,
      firstSeen: r.first_time.toISOString(),
      count: r.calls,
      event: { accountId: r.account_id, eventId: r.first_event_id, eventTime: r.first_time.toISOString() },
    });
  }
  return out;
}

/**
 * Consecutive geolocated calls of each target principal from different addresses, over its
 * target days and the day before each range (a hop can cross midnight). Cloud and CDN networks
 * (lib/enrich's flag) are left out before pairing: a call from an EC2 instance or through a CDN
 * says nothing about where the person is. Service hostnames have no source_ip at all.
 */
export async function readTravel(client: pg.PoolClient): Promise<Map<string, TravelHop[]>> {
  const { rows } = await client.query<{
    id: string;
    account_id: string;
    day: string;
    ip: string;
    t: Date;
    event_id: string;
    lat: number;
    lon: number;
    loc: string;
    prev_ip: string;
    prev_t: Date;
    prev_event_id: string;
    prev_lat: number;
    prev_lon: number;
    prev_loc: string;
  }>(
    `WITH ranges AS (
       SELECT principal_id, min(day) - 1 AS lo, max(day) + 1 AS hi FROM score_target GROUP BY principal_id
     ), geo AS (
       SELECT e.principal_id, e.account_id, e.event_id, e.event_time, host(e.source_ip) AS ip,
              a.latitude, a.longitude,
              coalesce(a.city || ', ', '') || coalesce(a.country_code, '?') AS loc
       FROM ranges r
       JOIN event e ON e.principal_id = r.principal_id
                   AND e.event_time >= r.lo::timestamp AT TIME ZONE 'UTC'
                   AND e.event_time < r.hi::timestamp AT TIME ZONE 'UTC'
       JOIN ip_address a ON a.ip = e.source_ip
       WHERE e.ip_kind = 'public' AND a.latitude IS NOT NULL AND a.longitude IS NOT NULL
         AND coalesce(a.network, '') NOT IN ('cloud', 'cdn')
     ), seq AS (
       SELECT g.*,
              lag(ip) OVER w AS prev_ip, lag(event_time) OVER w AS prev_t, lag(event_id) OVER w AS prev_event_id,
              lag(latitude) OVER w AS prev_lat, lag(longitude) OVER w AS prev_lon, lag(loc) OVER w AS prev_loc
       FROM geo g
       WINDOW w AS (PARTITION BY principal_id ORDER BY event_time, event_id)
     )
     SELECT s.principal_id::text AS id, s.account_id, to_char((s.event_time AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day,
            s.ip, s.event_time AS t, s.event_id, s.latitude AS lat, s.longitude AS lon, s.loc,
            s.prev_ip, s.prev_t, s.prev_event_id, s.prev_lat, s.prev_lon, s.prev_loc
     FROM seq s
     WHERE s.prev_ip IS NOT NULL AND s.prev_ip <> s.ip
       AND (s.latitude <> s.prev_lat OR s.longitude <> s.prev_lon)`,
  );
  const out = new Map<string, TravelHop[]>();
  for (const r of rows) {
    const from: GeoPoint = {
      ip: r.prev_ip,
      time: r.prev_t,
      latitude: r.prev_lat,
      longitude: r.prev_lon,
      location: r.prev_loc,
      eventId: r.prev_event_id,
      accountId: r.account_id,
    };
    const to: GeoPoint = {
      ip: r.ip,
      time: r.t,
      latitude: r.lat,
      longitude: r.lon,
      location: r.loc,
      eventId: r.event_id,
      accountId: r.account_id,
    };
    const hop = impossibleHop(from, to);
    if (!hop) continue;
    append(out, principalDayKey(r.id, r.day), hop);
  }
  return out;
}

/**
 * The target principals' findings (except those triaged as false positives), on each day their
 * evidence events fall on (the first-seen day when a finding has no stored events). Several
 * findings of one rule on one day are one contribution, at the highest severity among them.
 */
export async function readFindings(client: pg.PoolClient): Promise<Map<string, DayFinding[]>> {
  const { rows } = await client.query<{
    id: string;
    day: string;
    rule_id: string;
    severity: Severity;
    findings: string[];
  }>(
    `WITH f AS (
       SELECT f.id, f.rule_id, f.severity, f.principal_id, f.first_seen FROM finding f
       WHERE f.status <> 'false_positive' AND f.principal_id IN (SELECT DISTINCT principal_id FROM score_target)
     ), days AS (
       SELECT f.id, f.rule_id, f.severity, f.principal_id, (fe.event_time AT TIME ZONE 'UTC')::date AS day
       FROM f JOIN finding_event fe ON fe.finding_id = f.id
       UNION
       SELECT f.id, f.rule_id, f.severity, f.principal_id, (f.first_seen AT TIME ZONE 'UTC')::date
       FROM f WHERE NOT EXISTS (SELECT 1 FROM finding_event fe WHERE fe.finding_id = f.id)
     )
     SELECT d.principal_id::text AS id, to_char(d.day, 'YYYY-MM-DD') AS day, d.rule_id,
            (array_agg(d.severity ORDER BY array_position(ARRAY['info','low','medium','high','critical'], d.severity) DESC))[1] AS severity,
            array_agg(DISTINCT d.id::text) AS findings
     FROM days d JOIN score_target t ON t.principal_id = d.principal_id AND t.day = d.day
     GROUP BY d.principal_id, d.day, d.rule_id`,
  );
  const rules = RULES as Record<string, Rule | undefined>;
  const out = new Map<string, DayFinding[]>();
  for (const r of rows) {
    const tactic = rules[r.rule_id]?.tactic.id;
    append(out, principalDayKey(r.id, r.day), {
      ruleId: r.rule_id,
      severity: r.severity,
      findingIds: r.findings,
      escalation: tactic !== undefined && ESCALATION_TACTICS.has(tactic),
    });
  }
  return out;
}
