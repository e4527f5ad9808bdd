import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parseSummary, runCli } from '../helpers/run-cli';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import {
  dayRecords,
  digestDocument,
  digestKey,
  type HashedFile,
  logKey,
  sha256Hex,
  stableEventId,
  type TrailFolder,
  writeTree,
} from '../helpers/trail-tree';

/**
 * CloudTrail log-file validation end to end through `trailhound ingest`: log files and the
 * digest chain that vouches for them, as delivered. Integrity problems are reported (summary,
 * job, digest_check rows), never enforced: the events still load, because an investigator wants
 * to see what a tampered file says.
 */

const ACCOUNT = '111122223333';
const BUCKET = 'trail-bucket';
const where: TrailFolder = { account: ACCOUNT, region: 'us-east-1', day: '2026/03/14' };
const PER_FILE = 4;
const TAMPERED_IP = '203.0.113.66';

interface Tree {
  files: Map<string, Buffer>;
  logs: HashedFile[];
  digests: HashedFile[];
  insight: string;
}

const hourly = ['1005', '1035', '1105', '1135'];
const logContent = (hhmm: string) => JSON.stringify({ Records: dayRecords(where, hhmm, PER_FILE) });

/** Four log files, three chained digests (the last lists nothing, as AWS writes for quiet hours), one insight file. */
function buildTree(
  edit: { log?: (content: string) => string; firstDigest?: (content: string) => string } = {},
) {
  const logs = hourly.map((hhmm) => ({ key: logKey(where, hhmm, `log${hhmm}`), content: logContent(hhmm) }));
  const digests: HashedFile[] = [];
  const windows = [
    { end: '110000', logs: logs.slice(0, 2) },
    { end: '120000', logs: logs.slice(2, 4) },
    { end: '130000', logs: [] },
  ];
  for (const window of windows) {
    const key = digestKey(where, window.end);
    const endHour = window.end.slice(0, 2);
    const content = digestDocument({
      account: ACCOUNT,
      bucket: BUCKET,
      key,
      start: `2026-03-14T${String(Number(endHour) - 1).padStart(2, '0')}:00:00Z`,
      end: `2026-03-14T${endHour}:00:00Z`,
      logs: window.logs,
      previous: digests.at(-1),
    });
    digests.push({ key, content });
  }
  const insight = logKey(where, '1210', 'insight', 'CloudTrail-Insight');
  const files = new Map<string, Buffer>();
  // The edits happen after hashing: the digests vouch for the original content.
  for (const [i, log] of logs.entries())
    files.set(log.key, gzipSync(i === 2 && edit.log ? edit.log(log.content) : log.content));
  for (const [i, digest] of digests.entries())
    files.set(
      digest.key,
      gzipSync(i === 0 && edit.firstDigest ? edit.firstDigest(digest.content) : digest.content),
    );
  files.set(insight, gzipSync(JSON.stringify({ Records: insightRecords() })));
  return { files, logs, digests, insight } satisfies Tree;
}

/** A CloudTrail Insights pair (start and end of an unusual RunInstances rate); the older format lacks eventCategory. */
function insightRecords() {
  const base = {
    eventVersion: '1.08',
    awsRegion: 'us-east-1',
    eventType: 'AwsCloudTrailInsight',
    recipientAccountId: ACCOUNT,
    sharedEventID: stableEventId('insight-shared'),
  };
  const details = (state: string) => ({
    state,
    eventSource: 'ec2.amazonaws.com',
    eventName: 'RunInstances',
    insightType: 'ApiCallRateInsight',
    insightContext: { statistics: { baseline: { average: 0.01 }, insight: { average: 12.5 } } },
  });
  return [
    {
      ...base,
      eventTime: '2026-03-14T11:00:00Z',
      eventID: stableEventId('insight-start'),
      insightDetails: details('Start'),
      eventCategory: 'Insight',
    },
    {
      ...base,
      eventTime: '2026-03-14T11:10:00Z',
      eventID: stableEventId('insight-end'),
      insightDetails: details('End'),
    },
  ];
}

const roots: string[] = [];
const databases: TestDatabase[] = [];
const clients: pg.Client[] = [];
let intact: Awaited<ReturnType<typeof ingestTree>> & { tree: Tree };

beforeAll(async () => {
  const tree = buildTree();
  intact = { ...(await ingestTree(tree)), tree };
});

afterAll(async () => {
  for (const client of clients) await client.end();
  for (const database of databases) await database.drop();
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** Writes the tree to a fresh folder and ingests it with the CLI into a fresh database. */
async function ingestTree(tree: Tree) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'th-digests-'));
  roots.push(root);
  writeTree(root, tree.files);
  const database = await createTestDatabase();
  databases.push(database);
  const result = await runCli(['ingest', root, '--json', '--no-analyze'], { DATABASE_URL: database.url });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  clients.push(client);
  return { result, summary: parseSummary(result), client };
}

const LOG_EVENTS = hourly.length * PER_FILE;
const INSIGHT_EVENTS = 2;

test('an intact trail: every log file and chain link checks out, and digests add no events', async () => {
  const { result, summary, client, tree } = intact;
  expect(result.code).toBe(0);
  expect(summary).toMatchObject({
    filesTotal: tree.files.size,
    filesDone: tree.files.size,
    filesFailed: 0,
    eventsInserted: LOG_EVENTS + INSIGHT_EVENTS,
    eventsRejected: 0,
    digestMismatches: 0,
  });

  const { rows: checks } = await client.query(
    `SELECT digest_path, subject_path, kind, expected_hash, actual_hash, status
     FROM digest_check ORDER BY kind, subject_path`,
  );
  const [d1, d2, d3] = tree.digests as [HashedFile, HashedFile, HashedFile];
  const ok = (digest: HashedFile, kind: string, subject: HashedFile) => ({
    digest_path: digest.key,
    subject_path: subject.key,
    kind,
    expected_hash: sha256Hex(subject.content),
    actual_hash: sha256Hex(subject.content),
    status: 'ok',
  });
  const [l1, l2, l3, l4] = tree.logs as [HashedFile, HashedFile, HashedFile, HashedFile];
  expect(checks).toEqual([
    ok(d1, 'log-file', l1),
    ok(d1, 'log-file', l2),
    ok(d2, 'log-file', l3),
    ok(d2, 'log-file', l4),
    ok(d2, 'previous-digest', d1),
    ok(d3, 'previous-digest', d2),
  ]);

  // Digest files are recorded as such, loaded cleanly, and contribute no events.
  const { rows: digestFiles } = await client.query(
    `SELECT path, kind, status, events_inserted, events_rejected FROM ingest_file
     WHERE path LIKE '%CloudTrail-Digest%' ORDER BY path`,
  );
  expect(digestFiles).toEqual(
    tree.digests.map((d) => ({
      path: d.key,
      kind: 'digest',
      status: 'done',
      events_inserted: 0,
      events_rejected: 0,
    })),
  );
  const { rows: bySource } = await client.query<{ path: string; n: number }>(
    `SELECT f.path, count(e.*)::int AS n FROM ingest_file f LEFT JOIN event e ON e.ingest_file_id = f.id
     GROUP BY f.path ORDER BY f.path`,
  );
  expect(Object.fromEntries(bySource.map((row) => [row.path, row.n]))).toEqual(
    Object.fromEntries([
      ...tree.logs.map((log) => [log.key, PER_FILE]),
      ...tree.digests.map((digest) => [digest.key, 0]),
      [tree.insight, INSIGHT_EVENTS],
    ]),
  );
});

test('insight files are stored as events of category Insight, named after the API they describe', async () => {
  const { summary, client } = intact;
  expect(summary.filesFailed).toBe(0);
  const { rows } = await client.query(
    `SELECT event_id, event_category, event_type, event_source, event_name, detail->'insightDetails'->>'state' AS state
     FROM event WHERE event_category = 'Insight' ORDER BY event_time`,
  );
  expect(rows).toEqual(
    ['start', 'end'].map((which, i) => ({
      event_id: stableEventId(`insight-${which}`),
      event_category: 'Insight',
      event_type: 'AwsCloudTrailInsight',
      event_source: 'ec2.amazonaws.com',
      event_name: 'RunInstances',
      state: i === 0 ? 'Start' : 'End',
    })),
  );
  const { rows: others } = await client.query<{ category: string; n: number }>(
    'SELECT event_category AS category, count(*)::int AS n FROM event GROUP BY 1 ORDER BY 1',
  );
  expect(others).toEqual([
    { category: 'Insight', n: INSIGHT_EVENTS },
    { category: 'Management', n: LOG_EVENTS },
  ]);
});

test('a tampered log file: one mismatch naming it, reported in the summary and the job, its events still loaded', async () => {
  const tamper = (content: string) => {
    const parsed = JSON.parse(content) as { Records: Record<string, unknown>[] };
    (parsed.Records[1] as Record<string, unknown>).sourceIPAddress = TAMPERED_IP;
    return JSON.stringify(parsed);
  };
  const tree = buildTree({ log: tamper });
  const victim = tree.logs[2] as HashedFile;
  const { result, summary, client } = await ingestTree(tree);
  // Integrity is reported, not enforced: every file loaded, so the exit code stays 0.
  expect(result.code).toBe(0);
  expect(summary).toMatchObject({
    filesDone: tree.files.size,
    filesFailed: 0,
    eventsInserted: LOG_EVENTS + INSIGHT_EVENTS,
    digestMismatches: 1,
    errors: [],
  });
  const { rows: job } = await client.query('SELECT status, digest_mismatches FROM ingest_job WHERE id = $1', [
    summary.jobId,
  ]);
  expect(job).toEqual([{ status: 'done', digest_mismatches: 1 }]);

  const { rows: problems } = await client.query(
    `SELECT digest_path, subject_path, kind, expected_hash, actual_hash FROM digest_check WHERE status <> 'ok'`,
  );
  expect(problems).toEqual([
    {
      digest_path: tree.digests[1]?.key,
      subject_path: victim.key,
      kind: 'log-file',
      expected_hash: sha256Hex(victim.content),
      actual_hash: sha256Hex(tamper(victim.content)),
    },
  ]);
  const { rows: okCount } = await client.query(
    `SELECT count(*)::int AS n FROM digest_check WHERE status = 'ok'`,
  );
  expect(okCount[0].n).toBe(5);

  // What the tampered file says is in the database, attributed to that file.
  const { rows: tamperedEvents } = await client.query(
    `SELECT f.path FROM event e JOIN ingest_file f ON f.id = e.ingest_file_id WHERE e.source_ip = $1`,
    [TAMPERED_IP],
  );
  expect(tamperedEvents).toEqual([{ path: victim.key }]);
});

test('a tampered digest breaks the chain at the next digest', async () => {
  const tree = buildTree({
    firstDigest: (content) => content.replace('"digestEndTime":"', '"digestEndTime":"X'),
  });
  const { summary, client } = await ingestTree(tree);
  expect(summary.digestMismatches).toBe(1);
  const { rows } = await client.query(
    `SELECT digest_path, subject_path, kind FROM digest_check WHERE status <> 'ok'`,
  );
  expect(rows).toEqual([
    { digest_path: tree.digests[1]?.key, subject_path: tree.digests[0]?.key, kind: 'previous-digest' },
  ]);
});
