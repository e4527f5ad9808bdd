// The database-backed detection runner. It walks stored events in time slices, rebuilding
// NormalizedEvents from raw_chunk (load-events.ts), and runs every active rule over each slice
// plus the tail of the previous one that the rule's window needs (its lookbackMs): a threshold or
// sequence spanning a slice boundary is seen whole, single-event rules re-read nothing. First-seen
// rules ask the maintained baseline (baseline-store.ts) instead of re-reading history.
//
// - Full (`analyze --full`): every stored event, from scratch; evidence and baseline are rebuilt,
//   triage is kept.
// - Job (after each ingest job): only the hours the job's events fall in, widened on both sides
//   by the longest rule window, because a late event can complete a chain or a burst whose other
//   events are already stored (CloudTrail delivers late and unordered). Findings merge by dedup key.

import type pg from 'pg';
import type { NormalizedEvent } from '@/lib/cloudtrail/types';
import { getIpEnricher } from '@/lib/enrich';
import { type ActiveRuleSet, loadActiveRules } from '../active-rules';
import { lowerBound } from '../engine/hits';
import { mergeHits } from '../engine/merge-hits';
import { prepareEvents } from '../evaluate';
import type { IpIntel, RuleId, RunEnvironment } from '../types';
import { BaselineStore } from './baseline-store';
import { FindingStore } from './finding-store';
import { loadEvents } from './load-events';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
// Small enough that a slice plus a day of look-back stays a few hundred MB at 1M events a month.
const SLICE_MS = 6 * HOUR_MS;
// Runs of the detection step never interleave (two web ingest jobs finishing together).
const RUN_LOCK = 7311842005;

export interface AnalysisProgress {
  // Milliseconds of event time covered so far, out of the total to cover.
  done: number;
  total: number;
  events: number;
  findings: number;
}

export interface AnalysisResult {
  mode: 'full' | 'job';
  events: number;
  findings: number;
  // Rules that could not be bound with their stored settings and were skipped.
  ruleProblems: ActiveRuleSet['problems'];
  missingRecords: number;
  seconds: number;
}

export interface AnalysisOptions {
  onProgress?: (progress: AnalysisProgress) => void;
  // Defaults to the bundled GeoIP/ASN databases (lib/enrich), opened once per run.
  ipIntel?: (ip: string | null) => IpIntel | null;
}

interface Interval {
  from: number;
  to: number;
}

function enricherIntel(): (ip: string | null) => IpIntel | null {
  const enricher = getIpEnricher();
  const cache = new Map<string, IpIntel | null>();
  return (ip) => {
    if (!ip) return null;
    let intel = cache.get(ip);
    if (intel === undefined) {
      const found = enricher.lookup(ip);
      intel = found
        ? {
            country: found.countryCode,
            city: found.city,
            asn: found.asn,
            asOrg: found.asnOrg,
            isCloudProvider: found.network ? found.network.kind === 'cloud' : null,
          }
        : null;
      cache.set(ip, intel);
    }
    return intel;
  };
}

/** Merges overlapping or touching intervals (sorted by start). */
function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.from - b.from);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.from <= last.to) last.to = Math.max(last.to, interval.to);
    else merged.push({ ...interval });
  }
  return merged;
}

async function earliestEventTime(db: pg.ClientBase): Promise<Date | null> {
  // Per account, so each lookup is an index probe on event_account_time_idx.
  const { rows } = await db.query<{ earliest: Date | null }>(
    `SELECT min(m) AS earliest FROM (
       SELECT (SELECT min(event_time) FROM event e WHERE e.account_id = a.account_id) AS m
       FROM (SELECT DISTINCT account_id FROM principal) a) t`,
  );
  return rows[0]?.earliest ?? null;
}

interface RunState {
  db: pg.ClientBase;
  active: ActiveRuleSet;
  env: RunEnvironment;
  baseline: BaselineStore;
  findings: FindingStore;
  maxLookback: number;
  events: number;
  missing: number;
}

/** One slice: the events in [from, to) of these accounts, with `carry` (earlier events) for windows. */
async function analyzeSlice(
  state: RunState,
  accountIds: readonly string[] | null,
  from: number,
  to: number,
  carry: NormalizedEvent[],
): Promise<NormalizedEvent[]> {
  const loaded = await loadEvents(state.db, { from: new Date(from), to: new Date(to), accountIds });
  state.missing += loaded.missing;
  const fresh = prepareEvents(loaded.events);
  state.events += fresh.length;
  const window = carry.length ? [...carry, ...fresh] : fresh;
  const times = new Map<string, Date>();
  for (const event of window) times.set(`${event.recipientAccountId}\u0000${event.eventId}`, event.eventTime);

  for (const rule of state.active.rules) {
    const start = lowerBound(window, from - rule.bound.lookbackMs);
    const events = start === 0 ? window : window.slice(start);
    // Hits made only of carried events were already reported by the previous slice.
    const hits = rule.bound
      .run(events, state.env)
      .filter((hit) => hit.events.some((event) => event.eventTime.getTime() >= from));
    for (const finding of mergeHits(rule.id as RuleId, hits, rule.bound.dedupWindowMs)) {
      state.findings.add(rule.id, rule.title, finding, times);
    }
  }
  for (const rule of state.active.rules) rule.bound.observe?.(fresh, state.env.ctx, state.baseline.sink);

  const keepFrom = lowerBound(window, to - state.maxLookback);
  return window.slice(keepFrom);
}

async function analyzeIntervals(
  state: RunState,
  accountIds: readonly string[] | null,
  intervals: Interval[],
  onProgress?: AnalysisOptions['onProgress'],
): Promise<void> {
  const total = intervals.reduce((sum, interval) => sum + (interval.to - interval.from), 0);
  let done = 0;
  for (const interval of intervals) {
    let carry: NormalizedEvent[] = [];
    for (let from = interval.from; from < interval.to; from += SLICE_MS) {
      const to = Math.min(from + SLICE_MS, interval.to);
      carry = await analyzeSlice(state, accountIds, from, to, carry);
      done += to - from;
      onProgress?.({ done, total, events: state.events, findings: state.findings.size });
    }
  }
}

async function withRunLock<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [RUN_LOCK]);
    try {
      return await work(client);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [RUN_LOCK]);
    }
  } finally {
    client.release();
  }
}

async function prepareRun(client: pg.ClientBase, options: AnalysisOptions): Promise<RunState> {
  const active = await loadActiveRules(client);
  const baseline = new BaselineStore();
  const earliest = await earliestEventTime(client);
  const learnUntil = earliest ? new Date(earliest.getTime() + active.detection.learningDays * DAY_MS) : null;
  return {
    db: client,
    active,
    env: { ctx: { ipIntel: options.ipIntel ?? enricherIntel() }, baseline: baseline.lookup, learnUntil },
    baseline,
    findings: new FindingStore(),
    maxLookback: Math.max(0, ...active.rules.map((rule) => rule.bound.lookbackMs)),
    events: 0,
    missing: 0,
  };
}

async function save(state: RunState, replace: boolean, jobId: string | null): Promise<string[]> {
  const client = state.db;
  await client.query('BEGIN');
  try {
    const ids = await state.findings.save(client, { replace });
    await state.baseline.save(client, { replace });
    if (jobId !== null) {
      await client.query(
        `INSERT INTO detection_job (job_id, events_evaluated, findings_touched) VALUES ($1, $2, $3)
         ON CONFLICT (job_id) DO UPDATE SET events_evaluated = EXCLUDED.events_evaluated,
           findings_touched = EXCLUDED.findings_touched, analyzed_at = now()`,
        [jobId, state.events, ids.length],
      );
    } else {
      // A full run covers every job loaded so far.
      await client.query(
        `INSERT INTO detection_job (job_id, events_evaluated, findings_touched)
         SELECT id, 0, 0 FROM ingest_job ON CONFLICT (job_id) DO NOTHING`,
      );
    }
    await client.query('COMMIT');
    return ids;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

function result(
  mode: AnalysisResult['mode'],
  state: RunState,
  findings: number,
  started: number,
): AnalysisResult {
  return {
    mode,
    events: state.events,
    findings,
    ruleProblems: state.active.problems,
    missingRecords: state.missing,
    seconds: (Date.now() - started) / 1000,
  };
}

/** Re-runs every active rule over every stored event. Triage survives; a re-run never duplicates. */
export async function analyzeAll(pool: pg.Pool, options: AnalysisOptions = {}): Promise<AnalysisResult> {
  const started = Date.now();
  return withRunLock(pool, async (client) => {
    const state = await prepareRun(client, options);
    const { rows } = await client.query<{ first: Date | null; last: Date | null }>(
      `SELECT min(m.first) AS first, max(m.last) AS last FROM (
         SELECT (SELECT min(event_time) FROM event e WHERE e.account_id = a.account_id) AS first,
                (SELECT max(event_time) FROM event e WHERE e.account_id = a.account_id) AS last
         FROM (SELECT DISTINCT account_id FROM principal) a) m`,
    );
    const span = rows[0];
    if (span?.first && span.last) {
      await analyzeIntervals(
        state,
        null,
        [{ from: span.first.getTime(), to: span.last.getTime() + 1 }],
        options.onProgress,
      );
    }
    const ids = await save(state, true, null);
    return result('full', state, ids.length, started);
  });
}

/**
 * Analyses what one ingest job added: the hours its events fall in (per account), widened by
 * the longest rule window on both sides, so late or out-of-order events meet the rest of their
 * window whichever order the files arrived in.
 */
export async function analyzeJob(
  pool: pg.Pool,
  jobId: string,
  options: AnalysisOptions = {},
): Promise<AnalysisResult> {
  const started = Date.now();
  return withRunLock(pool, async (client) => {
    const state = await prepareRun(client, options);
    const { rows } = await client.query<{ account_id: string; hour: Date }>(
      `SELECT DISTINCT e.account_id, date_trunc('hour', e.event_time) AS hour
       FROM event e WHERE e.ingest_file_id IN (SELECT id FROM ingest_file WHERE job_id = $1)`,
      [jobId],
    );
    const accountIds = [...new Set(rows.map((row) => row.account_id))];
    if (rows.length > 0) {
      await state.baseline.load(client, accountIds);
      const reach = state.maxLookback;
      const intervals = mergeIntervals(
        rows.map((row) => ({ from: row.hour.getTime() - reach, to: row.hour.getTime() + HOUR_MS + reach })),
      );
      await analyzeIntervals(state, accountIds, intervals, options.onProgress);
    }
    const ids = await save(state, false, jobId);
    return result('job', state, ids.length, started);
  });
}

/** Jobs whose events have not been through the rules (the after-ingest step failed or was skipped). */
export async function pendingJobs(db: pg.Pool | pg.ClientBase): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT j.id::text FROM ingest_job j
     WHERE j.status IN ('done', 'failed', 'cancelled') AND j.events_inserted > 0
       AND NOT EXISTS (SELECT 1 FROM detection_job d WHERE d.job_id = j.id)
     ORDER BY j.id`,
  );
  return rows.map((row) => row.id);
}
