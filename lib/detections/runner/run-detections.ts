// The database-backed detection runner. It walks stored events in time slices (slice-walk.ts),
// rebuilding NormalizedEvents from raw_chunk (load-events.ts), runs every active rule over each
// slice plus the look-back its window needs, and writes the findings and the first-seen baseline.
//
// - Full (`analyze --full`): every stored event, from scratch; evidence and baseline are rebuilt,
//   triage is kept. From MIN_EVENTS_FOR_THREADS events on, the accounts are shared among threads
//   (analysis-threads.ts) and this thread merges and writes what they found.
// - Job (after each ingest job): only the hours the job's events fall in, widened on both sides
//   by the longest rule window, because a late event can complete a chain or a burst whose other
//   events are already stored (CloudTrail delivers late and unordered). Findings merge by dedup key.

import type pg from 'pg';
import { inTransaction } from '@/lib/db/transaction';
import { getIpEnricher } from '@/lib/enrich';
import {
  type ActiveRuleInputs,
  type ActiveRuleSet,
  activeRulesFrom,
  readActiveRuleInputs,
} from '../active-rules';
import type { IpIntel } from '../types';
import {
  defaultAnalysisThreads,
  MIN_EVENTS_FOR_THREADS,
  shareAccounts,
  threadConnection,
  walkOnThreads,
} from './analysis-threads';
import { BaselineStore } from './baseline-store';
import { FindingStore } from './finding-store';
import { jobHours } from './job-hours';
import {
  type Interval,
  type Pass,
  passOf,
  planSlices,
  type SliceProgress,
  type WalkState,
  walkSlices,
} from './slice-walk';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
// Runs of the detection step never interleave (two web ingest jobs finishing together).
const RUN_LOCK = 7311842005;

export type AnalysisProgress = SliceProgress;

export interface AnalysisResult {
  mode: 'full' | 'job';
  events: number;
  findings: number;
  // Rules that could not be bound with their stored settings and were skipped.
  ruleProblems: ActiveRuleSet['problems'];
  missingRecords: number;
  seconds: number;
  // Threads that walked the events (the calling thread included): above 1 only for a full run.
  threads: number;
}

export interface AnalysisOptions {
  onProgress?: (progress: AnalysisProgress) => void;
  // Defaults to the bundled GeoIP/ASN databases (lib/enrich), opened once per run.
  ipIntel?: (ip: string | null) => IpIntel | null;
  // Threads for a full analysis, each walking a share of the accounts. Defaults to one per core
  // (TRAILHOUND_ANALYZE_THREADS) from MIN_EVENTS_FOR_THREADS events on, else 1.
  threads?: number;
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

interface RunState extends WalkState {
  db: pg.ClientBase;
  inputs: ActiveRuleInputs;
  active: ActiveRuleSet;
  ipIntel: (ip: string | null) => IpIntel | null;
  accountIds: string[];
}

async function analyzeIntervals(
  state: RunState,
  pass: Pass,
  accountIds: readonly string[],
  intervals: Interval[],
  onProgress?: AnalysisOptions['onProgress'],
): Promise<void> {
  const plan = await planSlices(state.db, pass, accountIds, intervals);
  await walkSlices(state, pass, accountIds, plan.slices, onProgress);
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
  const inputs = await readActiveRuleInputs(client);
  const active = activeRulesFrom(inputs);
  const baseline = new BaselineStore();
  const accountIds = await storedAccounts(client);
  const earliest = (await eventSpan(client, accountIds)).first;
  const learnUntil = earliest ? new Date(earliest.getTime() + active.detection.learningDays * DAY_MS) : null;
  const ipIntel = options.ipIntel ?? enricherIntel();
  return {
    db: client,
    inputs,
    active,
    ipIntel,
    env: { ctx: { ipIntel }, baseline: baseline.lookup, learnUntil },
    baseline,
    findings: new FindingStore(),
    accountIds,
    events: 0,
    missing: 0,
  };
}

async function save(state: RunState, replace: boolean, jobId: string | null): Promise<string[]> {
  const client = state.db;
  return inTransaction(client, async () => {
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
    return ids;
  });
}

function result(
  mode: AnalysisResult['mode'],
  state: RunState,
  findings: number,
  started: number,
  threads: number,
): AnalysisResult {
  return {
    mode,
    events: state.events,
    findings,
    ruleProblems: state.active.problems,
    missingRecords: state.missing,
    seconds: (Date.now() - started) / 1000,
    threads,
  };
}

/** Re-runs every active rule over every stored event. Triage survives; a re-run never duplicates. */
export async function analyzeAll(pool: pg.Pool, options: AnalysisOptions = {}): Promise<AnalysisResult> {
  const started = Date.now();
  return withRunLock(pool, async (client) => {
    const state = await prepareRun(client, options);
    const span = await eventSpan(client, state.accountIds);
    let threads = 1;
    if (span.first && span.last) {
      const pass = passOf(state.active.rules, null, true);
      const all = [{ from: span.first.getTime(), to: span.last.getTime() + 1 }];
      const plan = await planSlices(client, pass, state.accountIds, all);
      const events = [...plan.eventsByAccount.values()].reduce((sum, n) => sum + n, 0);
      const wanted = options.threads ?? (events >= MIN_EVENTS_FOR_THREADS ? defaultAnalysisThreads() : 1);
      const groups = shareAccounts(plan.eventsByAccount, wanted);
      const connectionString = groups.length > 1 ? threadConnection(pool) : null;
      if (connectionString) {
        threads = await walkOnThreads({
          state,
          pass,
          connectionString,
          inputs: state.inputs,
          learnUntil: state.env.learnUntil,
          groups,
          slices: plan.slices,
          ipIntel: state.ipIntel,
          onProgress: options.onProgress,
        });
      } else await walkSlices(state, pass, state.accountIds, plan.slices, options.onProgress);
    }
    const ids = await save(state, true, null);
    return result('full', state, ids.length, started, threads);
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
    const rows = await jobHours(client, jobId);
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
    return result('job', state, ids.length, started, 1);
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
