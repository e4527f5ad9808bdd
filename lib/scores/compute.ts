// Recomputes features and scores for the days an ingest touched. A day's baseline is the 30
// days before it, so new events on day D also change days D+1..D+30 of the same account (its
// "new for the account" items): those are recomputed too. Heavy lifting is set-based SQL;
// the per-day rules (features/day-features.ts) run in TypeScript on what the SQL gathered.

import type pg from 'pg';
import { RULES } from '../detections/registry';
import type { Rule } from '../detections/types';
import type { Severity } from '../severity';
import { collectAllPairs, collectJobPairs, rebuildDays } from './build-days';
import { combine, LEARNING_DAYS } from './composite';
import {
  type DayActivity,
  type DayFinding,
  dayFeatures,
  type NewItemWithEvent,
} from './features/day-features';
import { type GeoPoint, impossibleHop, type TravelHop } from './features/geo';
import { DEFAULT_WINDOW_DAYS } from './read';
import type { Contribution, ItemKind } from './types';
import { BASELINE_DAYS } from './weights';
import { scoreWindow } from './window-scores';

const DAY_MS = 86_400_000;
const ESCALATION_TACTICS = new Set(['TA0004', 'TA0005']);

export interface ComputeSummary {
  pairsRebuilt: number;
  daysScored: number;
  featureRows: number;
}

/** After an ingest job: rebuild the job's (principal, day) pairs and rescore what depends on them. */
export async function computeScoresForJob(pool: pg.Pool, jobId: string): Promise<ComputeSummary> {
  return compute(pool, (client) => collectJobPairs(client, jobId));
}

/** Everything from scratch (the CLI's `principals --recompute`, tests). */
export async function computeAllScores(pool: pg.Pool): Promise<ComputeSummary> {
  return compute(pool, collectAllPairs);
}

/**
 * Rescore given principals' days without rebuilding activity: after findings changed (a new
 * detection run, a finding marked false positive).
 */
export async function rescorePrincipals(
  pool: pg.Pool,
  principalIds: readonly string[],
): Promise<ComputeSummary> {
  return compute(
    pool,
    async (client) => {
      await client.query(
        `CREATE TEMP TABLE IF NOT EXISTS score_pair (principal_id bigint, day date) ON COMMIT DROP`,
      );
      await client.query(
        `INSERT INTO score_pair SELECT principal_id, day FROM principal_day WHERE principal_id = ANY($1::bigint[])`,
        [principalIds],
      );
    },
    { rebuild: false },
  );
}

async function compute(
  pool: pg.Pool,
  collect: (client: pg.PoolClient) => Promise<void>,
  options: { rebuild?: boolean } = {},
): Promise<ComputeSummary> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // One scorer at a time: two jobs finishing together would otherwise delete each other's rows.
    await client.query('SELECT pg_advisory_xact_lock(7311842010)');
    await collect(client);
    const { rows: countRows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM score_pair');
    const pairsRebuilt = Number(countRows[0]?.n ?? 0);
    if (pairsRebuilt === 0) {
      await client.query('COMMIT');
      return { pairsRebuilt: 0, daysScored: 0, featureRows: 0 };
    }
    if (options.rebuild !== false) await rebuildDays(client);
    await selectTargets(client, options.rebuild !== false);
    const { daysScored, featureRows } = await scoreTargets(client);
    await refreshWindowScores(client);
    await client.query('COMMIT');
    return { pairsRebuilt, daysScored, featureRows };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * score_target: the principal-days to rescore. With rebuilt activity, every principal-day of the
 * touched accounts from the earliest touched day to 30 days after the latest (their baselines
 * moved); otherwise just the pairs.
 */
async function selectTargets(client: pg.PoolClient, widen: boolean): Promise<void> {
  await client.query(
    widen
      ? `CREATE TEMP TABLE score_target ON COMMIT DROP AS
         SELECT d.principal_id, d.account_id, d.day
         FROM principal_day d
         JOIN (SELECT p.account_id, min(s.day) AS lo, max(s.day) + $1::int AS hi
               FROM score_pair s JOIN principal p ON p.id = s.principal_id GROUP BY p.account_id) r
           ON d.account_id = r.account_id AND d.day BETWEEN r.lo AND r.hi`
      : `CREATE TEMP TABLE score_target ON COMMIT DROP AS
         SELECT d.principal_id, d.account_id, d.day
         FROM principal_day d JOIN score_pair s USING (principal_id, day)
         WHERE $1::int IS NOT NULL`,
    [BASELINE_DAYS],
  );
  await client.query('CREATE INDEX ON score_target (principal_id, day)');
  await client.query('ANALYZE score_target');
}

interface Target {
  principalId: string;
  accountId: string;
  day: string;
}

function key(principalId: string, day: string): string {
  return `${principalId}|${day}`;
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

async function scoreTargets(client: pg.PoolClient): Promise<{ daysScored: number; featureRows: number }> {
  const { rows: targets } = await client.query<Target>(
    `SELECT principal_id::text AS "principalId", account_id AS "accountId", to_char(day, 'YYYY-MM-DD') AS day
     FROM score_target ORDER BY principal_id, day`,
  );
  // One connection (the transaction's): the reads run one after another.
  const firstDays = await readFirstDays(client);
  const accountFirstDays = await readAccountFirstDays(client);
  const activity = await readActivity(client);
  const newItems = await readNewItems(client);
  const travel = await readTravel(client);
  const findings = await readFindings(client);

  const featureRows: { target: Target; c: Contribution }[] = [];
  const scores: {
    target: Target;
    score: number;
    learning: boolean;
    historyDays: number;
    contributions: Contribution[];
  }[] = [];
  for (const target of targets) {
    const first = firstDays.get(target.principalId) ?? target.day;
    const historyDays = daysBetween(first, target.day);
    const accountFirst = accountFirstDays.get(target.accountId) ?? target.day;
    const learning = historyDays < LEARNING_DAYS;
    const today = activity.get(key(target.principalId, target.day));
    if (!today) continue;
    const baseline: DayActivity[] = [];
    for (let n = Math.min(historyDays, BASELINE_DAYS); n >= 1; n--) {
      baseline.push(activity.get(key(target.principalId, addDays(target.day, -n))) ?? EMPTY_DAY);
    }
    const contributions = dayFeatures({
      day: target.day,
      learning,
      accountLearning: daysBetween(accountFirst, target.day) < LEARNING_DAYS,
      activity: today,
      baseline,
      newItems: newItems.get(key(target.principalId, target.day)) ?? [],
      travel: travel.get(key(target.principalId, target.day)) ?? [],
      findings: findings.get(key(target.principalId, target.day)) ?? [],
    });
    for (const c of contributions) featureRows.push({ target, c });
    scores.push({ target, score: combine(contributions), learning, historyDays, contributions });
  }

  await client.query(
    `DELETE FROM principal_day_feature f USING score_target t WHERE f.principal_id = t.principal_id AND f.day = t.day`,
  );
  for (let i = 0; i < featureRows.length; i += 5000) {
    const batch = featureRows.slice(i, i + 5000);
    await client.query(
      `INSERT INTO principal_day_feature (principal_id, account_id, day, feature, item, value, weight, contribution, evidence)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::date[], $4::text[], $5::text[], $6::float8[], $7::float8[],
                            $8::float8[], $9::jsonb[])`,
      [
        batch.map((r) => r.target.principalId),
        batch.map((r) => r.target.accountId),
        batch.map((r) => r.target.day),
        batch.map((r) => r.c.feature),
        batch.map((r) => r.c.item ?? ''),
        batch.map((r) => r.c.value),
        batch.map((r) => r.c.weight),
        batch.map((r) => r.c.contribution),
        batch.map((r) => JSON.stringify(r.c.evidence)),
      ],
    );
  }
  await client.query(
    `DELETE FROM principal_score s USING score_target t
     WHERE s.granularity = 'day' AND s.principal_id = t.principal_id
       AND s.window_start = t.day::timestamp AT TIME ZONE 'UTC'`,
  );
  for (let i = 0; i < scores.length; i += 5000) {
    const batch = scores.slice(i, i + 5000);
    await client.query(
      `INSERT INTO principal_score (principal_id, account_id, granularity, window_start, window_end, score, learning,
                                    history_days, contributions)
       SELECT p, a, 'day', d::timestamp AT TIME ZONE 'UTC', (d + 1)::timestamp AT TIME ZONE 'UTC', s, l, h, c
       FROM unnest($1::bigint[], $2::text[], $3::date[], $4::float8[], $5::boolean[], $6::int[], $7::jsonb[])
         AS u(p, a, d, s, l, h, c)`,
      [
        batch.map((r) => r.target.principalId),
        batch.map((r) => r.target.accountId),
        batch.map((r) => r.target.day),
        batch.map((r) => r.score),
        batch.map((r) => r.learning),
        batch.map((r) => r.historyDays),
        batch.map((r) =>
          JSON.stringify(r.contributions.map(({ item, ...rest }) => (item ? { ...rest, item } : rest))),
        ),
      ],
    );
  }
  return { daysScored: scores.length, featureRows: featureRows.length };
}

const EMPTY_DAY: DayActivity = {
  hourlyCalls: new Array(24).fill(0),
  hourlyErrors: new Array(24).fill(0),
  services: 0,
};

async function readFirstDays(client: pg.PoolClient): Promise<Map<string, string>> {
  const { rows } = await client.query<{ id: string; first: string }>(
    `SELECT principal_id::text AS id, to_char(min(day), 'YYYY-MM-DD') AS first FROM principal_day
     WHERE principal_id IN (SELECT DISTINCT principal_id FROM score_target) GROUP BY principal_id`,
  );
  return new Map(rows.map((r) => [r.id, r.first]));
}

async function readAccountFirstDays(client: pg.PoolClient): Promise<Map<string, string>> {
  const { rows } = await client.query<{ id: string; first: string }>(
    `SELECT account_id AS id, to_char(min(day), 'YYYY-MM-DD') AS first FROM principal_day
     WHERE account_id IN (SELECT DISTINCT account_id FROM score_target) GROUP BY account_id`,
  );
  return new Map(rows.map((r) => [r.id, r.first]));
}

/** The targets' days and their baseline days. */
async function readActivity(client: pg.PoolClient): Promise<Map<string, DayActivity>> {
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
    rows.map((r) => [key(r.id, r.day), { hourlyCalls: r.hc, hourlyErrors: r.he, services: r.services }]),
  );
}

/** Items of the target days that the principal did not use in the 30 days before, flagged when the account did not either. */
async function readNewItems(client: pg.PoolClient): Promise<Map<string, NewItemWithEvent[]>> {
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
    const k = key(r.id, r.day);
    const list = out.get(k) ?? [];
    list.push({
      kind: r.kind,
      value: r.value,
      newForAccount: r.new_for_account,
      firstSeen: r.first_time.toISOString(),
      count: r.calls,
      event: { accountId: r.account_id, eventId: r.first_event_id, eventTime: r.first_time.toISOString() },
    });
    out.set(k, list);
  }
  return out;
}

/**
 * Consecutive geolocated calls of each target principal from different addresses, over its
 * target days and the day before each range (a hop can cross midnight). Cloud and CDN networks
 * (lib/enrich's flag) are left out before pairing: a call from an EC2 instance or through a CDN
 * says nothing about where the person is. Service hostnames have no source_ip at all.
 */
async function readTravel(client: pg.PoolClient): Promise<Map<string, TravelHop[]>> {
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
    const k = key(r.id, r.day);
    out.set(k, [...(out.get(k) ?? []), hop]);
  }
  return out;
}

/**
 * The target principals' findings (except those triaged as false positives), on each day their
 * evidence events fall on (the first-seen day when a finding has no stored events). Several
 * findings of one rule on one day are one contribution, at the highest severity among them.
 */
async function readFindings(client: pg.PoolClient): Promise<Map<string, DayFinding[]>> {
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
    const k = key(r.id, r.day);
    const tactic = rules[r.rule_id]?.tactic.id;
    out.set(k, [
      ...(out.get(k) ?? []),
      {
        ruleId: r.rule_id,
        severity: r.severity,
        findingIds: r.findings,
        escalation: tactic !== undefined && ESCALATION_TACTICS.has(tactic),
      },
    ]);
  }
  return out;
}

/**
 * The stored window scores: the last 7 and 30 days of data for every account, replaced on each
 * run (the windows move as data arrives). Arbitrary windows are scored on read (window-scores.ts).
 */
async function refreshWindowScores(client: pg.PoolClient): Promise<void> {
  const { rows } = await client.query<{ last: string | null }>(
    `SELECT to_char(max(day), 'YYYY-MM-DD') AS last FROM principal_day`,
  );
  const last = rows[0]?.last;
  await client.query(`DELETE FROM principal_score WHERE granularity = 'window'`);
  if (!last) return;
  const to = new Date(Date.parse(`${last}T00:00:00Z`) + DAY_MS);
  for (const days of [DEFAULT_WINDOW_DAYS, BASELINE_DAYS]) {
    const window = { from: new Date(to.getTime() - days * DAY_MS), to };
    const { rows: scored } = await scoreWindow(client, { window, limit: 1_000_000 });
    for (let i = 0; i < scored.length; i += 5000) {
      const batch = scored.slice(i, i + 5000);
      await client.query(
        `INSERT INTO principal_score (principal_id, account_id, granularity, window_start, window_end, score, learning,
                                      history_days, contributions)
         SELECT p, a, 'window', $1, $2, s, l, h, c
         FROM unnest($3::bigint[], $4::text[], $5::float8[], $6::boolean[], $7::int[], $8::jsonb[]) AS u(p, a, s, l, h, c)`,
        [
          window.from,
          window.to,
          batch.map((r) => r.principalId),
          batch.map((r) => r.accountId),
          batch.map((r) => r.riskScore),
          batch.map((r) => r.learning),
          batch.map((r) => r.historyDays),
          batch.map((r) => JSON.stringify(r.contributions)),
        ],
      );
    }
  }
}
