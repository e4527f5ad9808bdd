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
import { type ActiveRule, type ActiveRuleSet, loadActiveRules } from '../active-rules';
import { lowerBound } from '../engine/hits';
import { mergeHits } from '../engine/merge-hits';
import { prepareEvents } from '../evaluate';
import type { IpIntel, RuleId, RunEnvironment } from '../types';
import { BaselineStore } from './baseline-store';
import { FindingStore } from './finding-store';
import { type LoadedEvents, loadEvents } from './load-events';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
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

// Opened on the first lookup (a run whose events have no public address never pays for the
// databases), then shared by every rule of the run through one cache per address.
function enricherIntel(): (ip: string | null) => IpIntel | null {
  let enricher: ReturnType<typeof getIpEnricher> | null = null;
  const cache = new Map<string, IpIntel | null>();
  return (ip) => {
    if (!ip) return null;
    let intel = cache.get(ip);
    if (intel === undefined) {
      enricher ??= getIpEnricher();
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

// Every account with events (principal rows are per account and few): event has no index led by
// event_time, so range reads name the accounts to use event_account_time_idx.
async function storedAccounts(db: pg.ClientBase): Promise<string[]> {
  const { rows } = await db.query<{ account_id: string }>('SELECT DISTINCT account_id FROM principal');
  return rows.map((row) => row.account_id);
}

// Per account, so that each is an index probe on event_account_time_idx.
async function eventSpan(
  db: pg.ClientBase,
  accountIds: string[],
): Promise<{ first: Date | null; last: Date | null }> {
  const { rows } = await db.query<{ first: Date | null; last: Date | null }>(
    `SELECT min(s.first) AS first, max(s.last) AS last FROM unnest($1::text[]) AS a(account_id),
       LATERAL (SELECT (SELECT min(event_time) FROM event e WHERE e.account_id = a.account_id) AS first,
                       (SELECT max(event_time) FROM event e WHERE e.account_id = a.account_id) AS last) s`,
    [accountIds],
  );
  return rows[0] ?? { first: null, last: null };
}

interface RunState {
  db: pg.ClientBase;
  active: ActiveRuleSet;
  env: RunEnvironment;
  baseline: BaselineStore;
  findings: FindingStore;
  accountIds: string[];
  events: number;
  missing: number;
}

// A walk over the events with some of the rules: all of them, or (incremental runs) the few
// long-window rules that declare their eventNames, over a wider range but only those events.
interface Pass {
  rules: ActiveRule[];
  eventNames: readonly string[] | null;
  maxLookback: number;
  // The pass that sees every event counts them and feeds the first-seen baseline.
  primary: boolean;
}

function passOf(rules: ActiveRule[], eventNames: readonly string[] | null, primary: boolean): Pass {
  return {
    rules,
    eventNames,
    primary,
    maxLookback: Math.max(0, ...rules.map((rule) => rule.bound.lookbackMs)),
  };
}

/**
 * One slice: the events in [from, to) (already being loaded), evaluated together with `carry`,
 * the earlier events the rules' windows reach back to. Returns the carry for the next slice.
 */
function analyzeSlice(
  state: RunState,
  pass: Pass,
  loaded: LoadedEvents,
  from: number,
  to: number,
  carry: NormalizedEvent[],
): NormalizedEvent[] {
  const fresh = prepareEvents(loaded.events);
  if (pass.primary) {
    state.missing += loaded.missing;
    state.events += fresh.length;
  }
  const window = carry.length ? [...carry, ...fresh] : fresh;
  const times = new Map<string, Date>();
  for (const event of window) times.set(`${event.recipientAccountId}\u0000${event.eventId}`, event.eventTime);

  for (const rule of pass.rules) {
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
  if (pass.primary)
    for (const rule of pass.rules) rule.bound.observe?.(fresh, state.env.ctx, state.baseline.sink);

  return window.slice(lowerBound(window, to - pass.maxLookback));
}

// About this many events per slice: large enough that per-query costs vanish, small enough that
// a slice and its look-back stay a few hundred MB.
const EVENTS_PER_SLICE = 60_000;

async function sliceLength(
  state: RunState,
  pass: Pass,
  accountIds: readonly string[],
  intervals: Interval[],
): Promise<number> {
  const { rows } = await state.db.query<{ n: string }>(
    `SELECT count(*) AS n FROM unnest($1::text[]) AS a(account_id), unnest($2::timestamptz[], $3::timestamptz[]) AS i(f, t),
       LATERAL (SELECT 1 FROM event e WHERE e.account_id = a.account_id AND e.event_time >= i.f AND e.event_time < i.t
                  AND ($4::text[] IS NULL OR e.event_name = ANY($4::text[]))) x`,
    [
      accountIds,
      intervals.map((interval) => new Date(interval.from)),
      intervals.map((interval) => new Date(interval.to)),
      pass.eventNames,
    ],
  );
  const span = intervals.reduce((sum, interval) => sum + (interval.to - interval.from), 0);
  const events = Math.max(1, Number(rows[0]?.n ?? 0));
  return Math.min(7 * DAY_MS, Math.max(HOUR_MS, Math.ceil((span * EVENTS_PER_SLICE) / events)));
}

async function analyzeIntervals(
  state: RunState,
  pass: Pass,
  accountIds: readonly string[],
  intervals: Interval[],
  onProgress?: AnalysisOptions['onProgress'],
): Promise<void> {
  const length = await sliceLength(state, pass, accountIds, intervals);
  const slices = intervals.flatMap((interval) => {
    const list: { from: number; to: number; first: boolean }[] = [];
    for (let from = interval.from; from < interval.to; from += length) {
      list.push({ from, to: Math.min(from + length, interval.to), first: from === interval.from });
    }
    return list;
  });
  const total = slices.reduce((sum, slice) => sum + (slice.to - slice.from), 0);
  const load = (slice: { from: number; to: number }) =>
    loadEvents(state.db, {
      from: new Date(slice.from),
      to: new Date(slice.to),
      accountIds,
      eventNames: pass.eventNames,
    });
  let done = 0;
  let carry: NormalizedEvent[] = [];
  // The next slice loads (database, inflating on the zlib pool) while this one is evaluated.
  let next = slices[0] ? load(slices[0]) : null;
  for (let index = 0; index < slices.length; index++) {
    const slice = slices[index] as (typeof slices)[number];
    const loaded = await (next as Promise<LoadedEvents>);
    const following = slices[index + 1];
    next = following ? load(following) : null;
    if (slice.first) carry = [];
    carry = analyzeSlice(state, pass, loaded, slice.from, slice.to, carry);
    done += slice.to - slice.from;
    onProgress?.({ done, total, events: state.events, findings: state.findings.size });
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
  const accountIds = await storedAccounts(client);
  const earliest = (await eventSpan(client, accountIds)).first;
  const learnUntil = earliest ? new Date(earliest.getTime() + active.detection.learningDays * DAY_MS) : null;
  return {
    db: client,
    active,
    env: { ctx: { ipIntel: options.ipIntel ?? enricherIntel() }, baseline: baseline.lookup, learnUntil },
    baseline,
    findings: new FindingStore(),
    accountIds,
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
    const span = await eventSpan(client, state.accountIds);
    if (span.first && span.last) {
      const all = [{ from: span.first.getTime(), to: span.last.getTime() + 1 }];
      await analyzeIntervals(
        state,
        passOf(state.active.rules, null, true),
        state.accountIds,
        all,
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
    // The range on the job's file ids is what lets the planner use event_ingest_file_brin: with
    // the IN alone it hash-joins against a scan of every partition, seconds at 1M events (more
    // right after a load, when that scan also sets every fresh row's hint bits). The IN keeps the
    // answer exact when another job's files were numbered in between.
    const { rows } = await client.query<{ account_id: string; hour: Date }>(
      `WITH files AS (SELECT id FROM ingest_file WHERE job_id = $1),
            span AS (SELECT min(id) AS lo, max(id) AS hi FROM files)
       SELECT DISTINCT e.account_id, date_trunc('hour', e.event_time) AS hour
       FROM event e, span
       WHERE e.ingest_file_id BETWEEN span.lo AND span.hi AND e.ingest_file_id IN (SELECT id FROM files)`,
      [jobId],
    );
    const accountIds = [...new Set(rows.map((row) => row.account_id))];
    if (rows.length > 0) {
      await state.baseline.load(client, accountIds);
      // Rules whose long windows name their events (R13, R38, R39: a day of sign-ins or
      // AssumeRole calls) get a second, wider pass over only those events, so that the pass over
      // every event needs to reach only as far as the other rules' windows (an hour).
      const rules = state.active.rules;
      const unnamed = rules.filter((rule) => !rule.bound.eventNames);
      const inner = passOf(unnamed, null, true).maxLookback;
      const long = rules.filter((rule) => Boolean(rule.bound.eventNames) && rule.bound.lookbackMs > inner);
      const passes = [
        passOf(
          rules.filter((rule) => !long.includes(rule)),
          null,
          true,
        ),
      ];
      if (long.length)
        passes.push(passOf(long, [...new Set(long.flatMap((rule) => rule.bound.eventNames ?? []))], false));
      for (const pass of passes) {
        const reach = pass.maxLookback;
        const intervals = mergeIntervals(
          rows.map((row) => ({ from: row.hour.getTime() - reach, to: row.hour.getTime() + HOUR_MS + reach })),
        );
        await analyzeIntervals(state, pass, accountIds, intervals, options.onProgress);
      }
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
