// Worker-thread entry of a full analysis: walks every slice for its share of the accounts, with
// its own database connection, and hands back the findings and baseline observations it
// collected. The calling thread merges and writes them (analysis-threads.ts). IP intelligence is
// asked of the calling thread for each slice's addresses before the slice is judged, so the
// GeoIP databases are opened once per run, not once per thread, and every thread gets the same
// answers the calling thread would.

import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import type { NormalizedEvent } from '@/lib/cloudtrail/types';
import { type ActiveRuleInputs, activeRulesFrom } from '../active-rules';
import type { IpIntel } from '../types';
import { BaselineStore, type Span } from './baseline-store';
import { type FindingDraft, FindingStore } from './finding-store';
import { passOf, type Slice, walkSlices } from './slice-walk';

export interface AnalysisTask {
  connectionString: string;
  inputs: ActiveRuleInputs;
  learnUntil: number | null;
  accountIds: string[];
  slices: Slice[];
}

export type WorkerMessage =
  | { type: 'intel'; id: number; ips: string[] }
  | { type: 'progress'; done: number; events: number; findings: number }
  | {
      type: 'done';
      findings: [string, FindingDraft][];
      baseline: [string, Span][];
      events: number;
      missing: number;
    }
  | { type: 'failed'; error: string };

export interface IntelReply {
  id: number;
  intel: (IpIntel | null)[];
}

const task = workerData as AnalysisTask;
const port = parentPort as NonNullable<typeof parentPort>;
const post = (message: WorkerMessage) => port.postMessage(message);

const intel = new Map<string, IpIntel | null>();
const waiting = new Map<number, { ips: string[]; resolve: () => void }>();
let nextId = 0;
const onReply = (reply: IntelReply) => {
  const request = waiting.get(reply.id);
  if (!request) return;
  waiting.delete(reply.id);
  request.ips.forEach((ip, index) => {
    intel.set(ip, reply.intel[index] ?? null);
  });
  request.resolve();
};
port.on('message', onReply);

// Rules ask about event.sourceIp only, so the addresses of the events a slice adds are all a
// slice's judging can need (carried events were fetched with their own slice).
function fetchIntel(events: readonly NormalizedEvent[]): Promise<void> {
  const ips = [
    ...new Set(events.flatMap((event) => (event.sourceIp === null ? [] : [event.sourceIp]))),
  ].filter((ip) => !intel.has(ip));
  if (!ips.length) return Promise.resolve();
  const id = ++nextId;
  return new Promise((resolve) => {
    waiting.set(id, { ips, resolve });
    post({ type: 'intel', id, ips });
  });
}

async function run(): Promise<void> {
  const client = new pg.Client({ connectionString: task.connectionString });
  try {
    await client.connect();
    const active = activeRulesFrom(task.inputs);
    const baseline = new BaselineStore();
    const findings = new FindingStore();
    const state = {
      db: client,
      env: {
        ctx: { ipIntel: (ip: string | null) => (ip === null ? null : (intel.get(ip) ?? null)) },
        baseline: baseline.lookup,
        learnUntil: task.learnUntil === null ? null : new Date(task.learnUntil),
      },
      baseline,
      findings,
      events: 0,
      missing: 0,
      beforeSlice: fetchIntel,
    };
    await walkSlices(state, passOf(active.rules, null, true), task.accountIds, task.slices, (progress) =>
      post({ type: 'progress', done: progress.done, events: progress.events, findings: progress.findings }),
    );
    post({
      type: 'done',
      findings: findings.entries(),
      baseline: baseline.observations(),
      events: state.events,
      missing: state.missing,
    });
  } catch (error) {
    post({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  } finally {
    await client.end().catch(() => {});
    // Without a listener the port no longer holds the thread open: it ends once its last
    // message is on its way.
    port.off('message', onReply);
  }
}

await run();
