// Recomputes features and scores for the days an ingest touched. A day's baseline is the 30
// days before it, so new events on day D also change days D+1..D+30 of the same account (its
// "new for the account" items): those are recomputed too. Heavy lifting is set-based SQL;
// the per-day rules (features/day-features.ts) run in TypeScript on what the SQL gathered.

import type pg from 'pg';
import { inLockedTransaction } from '../db/transaction';
import { collectAllPairs, collectJobPairs, rebuildDays } from './build-days';
import { combine, LEARNING_DAYS } from './composite';
import { type DayActivity, dayFeatures } from './features/day-features';
import {
  principalDayKey,
  readAccountFirstDays,
  readActivity,
  readFindings,
  readFirstDays,
  readNewItems,
  readTravel,
} from './gather';
import { DEFAULT_WINDOW_DAYS } from './read';
import type { Contribution } from './types';
import { BASELINE_DAYS } from './weights';
import { scoreWindow } from './window-scores';

const DAY_MS = 86_400_000;

export interface ComputeSummary {
  pairsRebuilt: number;
  daysScored: number;
  featureRows: number;
  /** Seconds per phase, for bench:scores. */
  seconds: Record<'collect' | 'rebuild' | 'gather' | 'score' | 'windows' | 'total', number>;
}

/** Runs `work`, adding its duration in seconds to `seconds[phase]`. */
async function timed<T>(
  seconds: ComputeSummary['seconds'],
  phase: keyof ComputeSummary['seconds'],
  work: () => Promise<T>,
): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    seconds[phase] += Math.round(performance.now() - started) / 1000;
  }
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
  const seconds = { collect: 0, rebuild: 0, gather: 0, score: 0, windows: 0, total: 0 };
  // One scorer at a time: two jobs finishing together would otherwise delete each other's rows.
  return timed(seconds, 'total', () =>
    inLockedTransaction(pool, 7311842010, async (client) => {
      await timed(seconds, 'collect', () => collect(client));
      const { rows: countRows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM score_pair');
      const pairsRebuilt = Number(countRows[0]?.n ?? 0);
      if (pairsRebuilt === 0) {
        return { pairsRebuilt: 0, daysScored: 0, featureRows: 0, seconds };
      }
      const rebuild = options.rebuild !== false;
      await timed(seconds, 'rebuild', async () => {
        if (rebuild) await rebuildDays(client);
        await selectTargets(client, rebuild);
      });
      const gathered = await timed(seconds, 'gather', () => gather(client));
      const { daysScored, featureRows } = await timed(seconds, 'score', () => scoreTargets(client, gathered));
      await timed(seconds, 'windows', () => refreshWindowScores(client));
      return { pairsRebuilt, daysScored, featureRows, seconds };
    }),
  );
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

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

async function gather(client: pg.PoolClient) {
  // One connection (the transaction's): the reads run one after another.
  return {
    firstDays: await readFirstDays(client),
    accountFirstDays: await readAccountFirstDays(client),
    activity: await readActivity(client),
    newItems: await readNewItems(client),
    travel: await readTravel(client),
    findings: await readFindings(client),
  };
}

async function scoreTargets(
  client: pg.PoolClient,
  { firstDays, accountFirstDays, activity, newItems, travel, findings }: Awaited<ReturnType<typeof gather>>,
): Promise<{ daysScored: number; featureRows: number }> {
  const { rows: targets } = await client.query<Target>(
    `SELECT principal_id::text AS "principalId", account_id AS "accountId", to_char(day, 'YYYY-MM-DD') AS day
     FROM score_target ORDER BY principal_id, day`,
  );

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
    const today = activity.get(principalDayKey(target.principalId, target.day));
    if (!today) continue;
    const baseline: DayActivity[] = [];
    for (let n = Math.min(historyDays, BASELINE_DAYS); n >= 1; n--) {
      baseline.push(activity.get(principalDayKey(target.principalId, addDays(target.day, -n))) ?? EMPTY_DAY);
    }
    const contributions = dayFeatures({
      day: target.day,
      learning,
      accountLearning: daysBetween(accountFirst, target.day) < LEARNING_DAYS,
      activity: today,
      baseline,
      newItems: newItems.get(principalDayKey(target.principalId, target.day)) ?? [],
      travel: travel.get(principalDayKey(target.principalId, target.day)) ?? [],
      findings: findings.get(principalDayKey(target.principalId, target.day)) ?? [],
    });
    for (const c of contributions) featureRows.push({ target, c });
    scores.push({ target, score: combine(contributions, learning), learning, historyDays, contributions });
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
