import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO_TRUTH_FILE, generateDemoTrail, type TruthStoryline } from '../../lib/demo';
import { RULES } from '../../lib/detections/registry';
import { analyzeAll, analyzeJob } from '../../lib/detections/runner/run-detections';
import { createIngestJob, runIngestJob } from '../../lib/ingest/run-job';
import { createPathSource } from '../../lib/ingest/sources/path-source';
import type { IngestSource, SourceFile } from '../../lib/ingest/sources/types';
import { setupIngestDatabase } from '../helpers/ingest-database';

/**
 * CloudTrail delivers late and unordered. Here the attack hours of a demo trail arrive file by
 * file, latest first, each file its own ingest job followed by its incremental analysis (as after
 * every real job). Sequence and threshold findings must still come out, and hold at least the
 * evidence a full in-order analysis finds.
 */
const db = setupIngestDatabase();
let root: string;
let storylines: TruthStoryline[];
let files: SourceFile[];

// Delivery time in the CloudTrail object name: ..._20261028T0712Z_<unique>.json.gz
const deliveredAt = (file: SourceFile) => /_(\d{8}T\d{4})Z_/.exec(file.path)?.[1] ?? '';

function sourceOf(list: SourceFile[]): IngestSource {
  return {
    kind: 'path',
    description: `${list.length} demo files`,
    list: async function* () {
      yield* list;
    },
  };
}

async function ingestAndAnalyze(list: SourceFile[]): Promise<void> {
  const source = sourceOf(list);
  const jobId = await createIngestJob(db.pool, source);
  await runIngestJob(db.pool, jobId, source);
  await analyzeJob(db.pool, jobId);
}

async function evidenceByKey(): Promise<Map<string, { rule: string; evidence: Set<string> }>> {
  const { rows } = await db.pool.query<{ dedup_key: string; rule_id: string; evidence: string[] }>(
    `SELECT f.dedup_key, f.rule_id, array_agg(fe.account_id || '|' || fe.event_id) AS evidence
     FROM finding f JOIN finding_event fe ON fe.finding_id = f.id GROUP BY f.id`,
  );
  return new Map(rows.map((row) => [row.dedup_key, { rule: row.rule_id, evidence: new Set(row.evidence) }]));
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'th-detect-late-'));
  await generateDemoTrail({ out: root, events: 6000, days: 10, digests: false, writerThreads: 0 });
  storylines = JSON.parse(readFileSync(path.join(root, DEMO_TRUTH_FILE), 'utf8')).storylines;
  files = [];
  for await (const file of createPathSource(root).list({}))
    if (file.path.endsWith('.json.gz')) files.push(file);
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('files delivered latest first, one job each, still yield sequence and threshold findings', async () => {
  const times = storylines.flatMap((story) => [story.start, story.end]).filter((time) => time !== null);
  const compact = (iso: string) => iso.replace(/[-:]/g, '').slice(0, 13);
  const attackFrom = compact(new Date(Date.parse(times.sort()[0] as string) - 10 * 60_000).toISOString());
  const attackTo = compact(new Date(Date.parse(times.sort().at(-1) as string) + 20 * 60_000).toISOString());
  const inAttack = (file: SourceFile) => deliveredAt(file) >= attackFrom && deliveredAt(file) <= attackTo;

  // Everything else first (history), then the attack hours, newest delivery first, file by file.
  await ingestAndAnalyze(files.filter((file) => !inAttack(file)));
  const late = files.filter(inAttack).sort((a, b) => deliveredAt(b).localeCompare(deliveredAt(a)));
  expect(late.length).toBeGreaterThan(10);
  for (const file of late) await ingestAndAnalyze([file]);

  const incremental = await evidenceByKey();
  const keyOf = (story: TruthStoryline, name: string) =>
    story.events
      .filter((event) => event.eventName === name)
      .map((event) => `${event.accountId}|${event.eventId}`);
  const story = (id: number) => storylines.find((line) => line.id === id) as TruthStoryline;
  const findingsOf = (rule: string) => [...incremental.values()].filter((finding) => finding.rule === rule);

  // Sequence R19: the created key (job N) is used in an event that arrived in an earlier job.
  const created = keyOf(story(3), 'CreateAccessKey');
  expect(created).toHaveLength(1);
  const chain = findingsOf('R19').find((finding) => finding.evidence.has(created[0] as string));
  expect(chain, 'R19 finding on the created key').toBeDefined();
  expect(chain?.evidence.size).toBeGreaterThanOrEqual(2);
  // Sequence R18: ListAccessKeys then CreateAccessKey.
  expect(
    findingsOf('R18').some((finding) =>
      keyOf(story(3), 'ListAccessKeys').some((k) => finding.evidence.has(k)),
    ),
  ).toBe(true);
  // Threshold R50: the burst spans many files and jobs; its finding holds nearly all of it.
  const downloads = keyOf(story(5), 'GetObject');
  const burst = new Set(findingsOf('R50').flatMap((finding) => [...finding.evidence]));
  expect(downloads.filter((key) => burst.has(key)).length).toBeGreaterThan(downloads.length * 0.9);
  // Threshold R43: the AccessDenied reconnaissance.
  const recon = new Set(story(2).events.map((event) => `${event.accountId}|${event.eventId}`));
  expect(findingsOf('R43').some((finding) => [...finding.evidence].some((key) => recon.has(key)))).toBe(true);

  // A full in-order run finds no window evidence the incremental runs missed.
  await analyzeAll(db.pool);
  const full = await evidenceByKey();
  for (const [dedupKey, finding] of full) {
    const kind = RULES[finding.rule as keyof typeof RULES]?.kind;
    if (kind !== 'sequence' && kind !== 'threshold') continue;
    const seen = incremental.get(dedupKey);
    expect(seen, `${dedupKey} found by the incremental runs`).toBeDefined();
    for (const key of finding.evidence)
      expect(seen?.evidence.has(key), `${dedupKey} holds ${key}`).toBe(true);
  }
}, 300_000);
