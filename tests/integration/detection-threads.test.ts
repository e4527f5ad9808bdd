import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { generateDemoTrail } from '../../lib/demo';
import { analyzeAll } from '../../lib/detections/runner/run-detections';
import type { IpIntel } from '../../lib/detections/types';
import { createIngestJob, runIngestJob } from '../../lib/ingest/run-job';
import { createPathSource } from '../../lib/ingest/sources/path-source';
import { setupIngestDatabase } from '../helpers/ingest-database';

/**
 * A full analysis shared among threads by account must store exactly what one thread stores: the
 * same findings (rule, dedup key, severity, summary, window, count, evidence) and the same
 * first-seen baseline, on a demo trail of four accounts. The IP intelligence is a made-up table,
 * so the answers the threads get from the calling thread decide findings of the GeoIP and ASN
 * rules too.
 */

const db = setupIngestDatabase();
let root: string;

// Deterministic per address: a few countries and ASNs, some of them cloud providers.
function fakeIntel(ip: string | null): IpIntel | null {
  if (!ip || ip.startsWith('10.')) return null;
  let hash = 0;
  for (const char of ip) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return {
    country: ['US', 'DE', 'BR', 'SG'][hash % 4] ?? null,
    city: null,
    asn: 64500 + (hash % 7),
    asOrg: hash % 3 === 0 ? 'AMAZON-02' : 'EXAMPLE-NET',
    isCloudProvider: hash % 3 === 0,
  };
}

async function stored() {
  const findings = await db.pool.query(
    `SELECT f.rule_id, f.dedup_key, f.severity, f.summary, f.event_count, f.first_seen, f.last_seen, f.region,
       f.principal_id::text,
       array_agg(fe.account_id || '|' || fe.event_id ORDER BY fe.account_id, fe.event_id) AS evidence
     FROM finding f JOIN finding_event fe ON fe.finding_id = f.id GROUP BY f.id ORDER BY f.dedup_key`,
  );
  const baseline = await db.pool.query(
    `SELECT account_id, scope, scope_key, value, first_seen, last_seen FROM detection_baseline
     ORDER BY account_id, scope, scope_key, value`,
  );
  return { findings: findings.rows, baseline: baseline.rows };
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'th-detect-threads-'));
  await generateDemoTrail({ out: root, events: 8000, days: 10, digests: false, writerThreads: 0 });
  const source = createPathSource(root);
  await runIngestJob(db.pool, await createIngestJob(db.pool, source), source);
}, 180_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

test('a full analysis on two threads stores exactly what one thread stores', async () => {
  const accounts = await db.pool.query('SELECT DISTINCT account_id FROM event');
  expect(accounts.rowCount).toBeGreaterThan(2);

  const single = await analyzeAll(db.pool, { threads: 1, ipIntel: fakeIntel });
  expect(single.threads).toBe(1);
  const once = await stored();
  expect(once.findings.length).toBeGreaterThan(20);
  expect(new Set(once.findings.map((row) => row.dedup_key.split('|')[1])).size).toBeGreaterThan(1);
  // Findings that depend on the IP intelligence the threads ask for.
  expect(once.findings.some((row) => ['R21', 'R22', 'R34', 'R40'].includes(row.rule_id))).toBe(true);

  const shared = await analyzeAll(db.pool, { threads: 2, ipIntel: fakeIntel });
  expect(shared.threads).toBe(2);
  expect(shared.events).toBe(single.events);
  expect(shared.findings).toBe(single.findings);
  expect(await stored()).toEqual(once);
}, 120_000);
