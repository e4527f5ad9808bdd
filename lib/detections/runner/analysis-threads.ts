// A full analysis on several threads: the accounts are shared out (rules never correlate across
// recipient accounts, see slice-walk.ts) and every thread walks the same slices for its accounts.
// The calling thread walks one share itself, answers the other threads' IP-intelligence questions
// between its slices, merges what they send back into the run's stores and writes the result as a
// single-thread run would.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { projectRoot } from '@/lib/config/paths';
import { connectionStringOf, workerThreads } from '@/lib/ingest/decoder-pool';
import type { ActiveRuleInputs } from '../active-rules';
import type { IpIntel } from '../types';
import type { AnalysisTask, IntelReply, WorkerMessage } from './analysis-worker';
import { type Pass, type Slice, type SliceProgress, type WalkState, walkSlices } from './slice-walk';

const WORKER_FILE = path.join(projectRoot, 'scripts', 'analysis-worker.mjs');

// Below this many events a thread's start-up (compiling the rules) costs more than it saves.
export const MIN_EVENTS_FOR_THREADS = 50_000;

/** TRAILHOUND_ANALYZE_THREADS (the calling thread included), else one per core. */
export function defaultAnalysisThreads(): number {
  const configured = process.env.TRAILHOUND_ANALYZE_THREADS;
  if (configured !== undefined && configured !== '') return Math.max(1, Math.floor(Number(configured)) || 1);
  return availableParallelism();
}

/** The connection string threads can use, or null when the run must stay on this thread. */
export function threadConnection(pool: pg.Pool): string | null {
  // The web server's bundle does not ship the worker source: it analyses on the calling thread.
  return existsSync(WORKER_FILE) ? connectionStringOf(pool) : null;
}

/**
 * Shares the accounts among at most `threads` groups of about equal event counts (largest
 * first, each to the lightest group). One account is never split: a busy account bounds the gain.
 */
export function shareAccounts(eventsByAccount: ReadonlyMap<string, number>, threads: number): string[][] {
  const accounts = [...eventsByAccount.entries()]
    .filter(([, events]) => events > 0)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  const groups = Array.from({ length: Math.max(1, Math.min(threads, accounts.length)) }, () => ({
    accounts: [] as string[],
    events: 0,
  }));
  for (const [account, events] of accounts) {
    const lightest = groups.reduce((best, group) => (group.events < best.events ? group : best));
    lightest.accounts.push(account);
    lightest.events += events;
  }
  return groups.map((group) => group.accounts).filter((group) => group.length > 0);
}

export interface ThreadedWalk {
  state: WalkState;
  pass: Pass;
  connectionString: string;
  inputs: ActiveRuleInputs;
  learnUntil: Date | null;
  groups: string[][];
  slices: Slice[];
  ipIntel: (ip: string | null) => IpIntel | null;
  onProgress?: (progress: SliceProgress) => void;
}

type GroupResult = Extract<WorkerMessage, { type: 'done' }>;

interface GroupThread {
  result: Promise<GroupResult>;
  stop(): void;
}

function startGroup(
  walk: ThreadedWalk,
  accountIds: string[],
  onProgress: (message: Extract<WorkerMessage, { type: 'progress' }>) => void,
): GroupThread {
  const task: AnalysisTask = {
    connectionString: walk.connectionString,
    inputs: walk.inputs,
    learnUntil: walk.learnUntil?.getTime() ?? null,
    accountIds,
    slices: walk.slices,
  };
  const worker = new (workerThreads().Worker)(WORKER_FILE, { workerData: task });
  const result = new Promise<GroupResult>((resolve, reject) => {
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      action();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'intel') {
        const reply: IntelReply = { id: message.id, intel: message.ips.map((ip) => walk.ipIntel(ip)) };
        worker.postMessage(reply);
      } else if (message.type === 'progress') onProgress(message);
      else if (message.type === 'done') settle(() => resolve(message));
      else settle(() => reject(new Error(message.error)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`analysis thread stopped (exit code ${code}) before it finished`))),
    );
  });
  return { result, stop: () => void worker.terminate() };
}

/**
 * Walks the slices for the first (largest) account group on the calling thread, which has the
 * rules compiled already, and for each other group on a thread of its own; then merges the
 * threads' results into walk.state in group order, so finding rows are written in the same order
 * every run. A group whose thread fails is walked again on the calling thread: slower, same
 * findings. Returns how many threads walked a share (the calling thread included).
 */
export async function walkOnThreads(walk: ThreadedWalk): Promise<number> {
  const { state } = walk;
  const [own = [], ...others] = walk.groups;
  const total = walk.slices.reduce((sum, slice) => sum + (slice.to - slice.from), 0);
  const progress = walk.groups.map(() => ({ done: 0, events: 0, findings: 0 }));
  const report = () =>
    walk.onProgress?.({
      done: Math.round(progress.reduce((sum, group) => sum + group.done, 0) / walk.groups.length),
      total,
      events: progress.reduce((sum, group) => sum + group.events, 0),
      findings: progress.reduce((sum, group) => sum + group.findings, 0),
    });
  const threads = others.map((accounts, index) =>
    startGroup(walk, accounts, (message) => {
      progress[index + 1] = message;
      report();
    }),
  );
  // Settled at once, so a thread that fails while this one walks is not an unhandled rejection.
  const results = Promise.allSettled(threads.map((thread) => thread.result));
  // A thread waits for IP intelligence before each slice; this thread answers between rules, not
  // only between its own slices (seconds apart), or the other threads would mostly wait.
  state.betweenRules = () => new Promise((resolve) => setImmediate(resolve));
  try {
    await walkSlices(state, walk.pass, own, walk.slices, (own) => {
      progress[0] = own;
      report();
    });
  } catch (error) {
    for (const thread of threads) thread.stop();
    throw error;
  } finally {
    state.betweenRules = undefined;
  }
  const settled = await results;
  let threadsUsed = 1;
  for (const [index, result] of settled.entries()) {
    if (result.status === 'fulfilled') {
      state.findings.absorb(result.value.findings);
      state.baseline.absorb(result.value.baseline);
      state.events += result.value.events;
      state.missing += result.value.missing;
      threadsUsed++;
    } else {
      console.warn(`[detections] analysis thread failed, analysing its accounts here: ${result.reason}`);
      await walkSlices(state, walk.pass, others[index] as string[], walk.slices);
    }
  }
  return threadsUsed;
}
