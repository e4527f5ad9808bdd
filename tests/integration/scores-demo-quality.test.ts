import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AFTER_INGEST_STEPS } from '../../lib/analysis/after-ingest-steps';
import { DEMO_TRUTH_FILE, generateDemoTrail } from '../../lib/demo';
import { runAfterIngest } from '../../lib/ingest/after-ingest';
import { openIngestSource } from '../../lib/ingest/open-source';
import { createIngestJob, runIngestJob } from '../../lib/ingest/run-job';
import { listDayRanking } from '../../lib/scores';
import { setupIngestDatabase } from '../helpers/ingest-database';

/**
 * The scores against the demo generator's ground truth (issue 5, Quality): on each attack day
 * every compromised principal ranks in the top 3 of its account, and no benign principal scores
 * above 50 on any day. The trail goes through the real ingest and after-ingest steps.
 */
const db = setupIngestDatabase();
let dir: string;
// biome-ignore lint/suspicious/noExplicitAny: the truth sidecar is free-form JSON read back for checks.
let truth: any;

interface PrincipalRow {
  id: string;
  account_id: string;
  principal_type: string;
  arn: string | null;
  session_name: string | null;
}

let principals: PrincipalRow[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'th-scores-'));
  await generateDemoTrail({ out: dir, events: 12_000, days: 30, digests: false, writerThreads: 0 });
  truth = JSON.parse(await readFile(join(dir, DEMO_TRUTH_FILE), 'utf8'));
  const source = openIngestSource(join(dir, 'AWSLogs'));
  const jobId = await createIngestJob(db.pool, source);
  await runIngestJob(db.pool, jobId, source, {});
  await runAfterIngest(db.pool, jobId, AFTER_INGEST_STEPS, { quiet: true });
  principals = (
    await db.pool.query<PrincipalRow>(
      `SELECT id::text, account_id, principal_type, arn, session_name, principal_key, name FROM principal`,
    )
  ).rows;
}, 180_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A compromised principal from the truth file matched to its principal rows (by ARN and account). */
function rowsOf(p: { accountId: string; arn: string; sessionName?: string }): PrincipalRow[] {
  return principals.filter((row) => row.account_id === p.accountId && row.arn === p.arn);
}

describe('demo ground truth', () => {
  test('on each attack day every compromised principal ranks in the top 3 of its account', async () => {
    const days = new Set<string>(truth.storylines.flatMap((s: { days: string[] }) => s.days));
    expect(days.size).toBeGreaterThan(0);
    for (const day of days) {
      const ranking = await listDayRanking(day, db.pool);
      const active = truth.storylines.filter((s: { days: string[] }) => s.days.includes(day));
      const compromised = active.flatMap(
        (s: { principals: { accountId: string; arn: string }[] }) => s.principals,
      );
      for (const p of compromised) {
        const ids = new Set(rowsOf(p).map((r) => r.id));
        expect(ids.size, `principal rows for ${p.arn}`).toBeGreaterThan(0);
        const inAccount = ranking.filter((r) => r.accountId === p.accountId);
        const rank = inAccount.findIndex((r) => ids.has(r.principalId));
        expect(rank, `${p.arn} on ${day}`).toBeGreaterThanOrEqual(0);
        expect(rank, `${p.arn} on ${day}`).toBeLessThan(3);
      }
    }
  });

  test('no benign principal scores above 50 on any day', async () => {
    const compromisedArns = new Set<string>(
      truth.compromisedPrincipals.map((p: { accountId: string; arn: string }) => `${p.accountId}|${p.arn}`),
    );
    const { rows } = await db.pool.query<{
      principal_id: string;
      account_id: string;
      arn: string | null;
      day: string;
      score: number;
      contributions: unknown;
    }>(
      `SELECT s.principal_id::text, s.account_id, p.arn, to_char(s.window_start, 'YYYY-MM-DD') AS day, s.score, s.contributions
       FROM principal_score s JOIN principal p ON p.id = s.principal_id
       WHERE s.granularity = 'day' ORDER BY s.score DESC`,
    );
    expect(rows.length).toBeGreaterThan(100);
    const benign = rows.filter((r) => !compromisedArns.has(`${r.account_id}|${r.arn}`));
    console.log(
      'BENIGN',
      JSON.stringify(
        benign.slice(0, 3).map((r) => ({ ...r, p: principals.find((x) => x.id === r.principal_id) })),
      ),
    );
    const over = benign.filter((r) => r.score > 50);
    expect(over.map((r) => `${r.arn} ${r.day} ${r.score}`)).toEqual([]);
  });
});
