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
 * every compromised principal ranks in the top 3, and no benign principal scores above 50 on any
 * day. The attack touches two accounts and four named principals on one day, so four victims
 * cannot all be in one top 3; each is checked in two ways instead: in the top 3 of its account
 * (where the risk summary ranks it), and in the organisation-wide day ranking with fewer than
 * three principals outside the attack above it. The trail goes through the real ingest and
 * after-ingest steps (enrichment, detections, scores), 12,000 events over 30 days.
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
      `SELECT id::text, account_id, principal_type, arn, session_name FROM principal`,
    )
  ).rows;
}, 180_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A compromised principal from the truth file matched to its principal rows (by ARN and account). */
function rowsOf(p: { accountId: string; arn: string; sessionName?: string }): PrincipalRow[] {
  return principals.filter((row) => row.account_id === p.accountId && row.arn === p.arn);
}

describe('demo ground truth', () => {
  test('on each attack day every compromised principal ranks in the top 3 of its account and of the organisation', async () => {
    const days = new Set<string>(truth.storylines.flatMap((s: { days: string[] }) => s.days));
    expect(days.size).toBeGreaterThan(0);
    for (const day of days) {
      const ranking = await listDayRanking(day, db.pool);
      const active = truth.storylines.filter((s: { days: string[] }) => s.days.includes(day));
      const compromised = active.flatMap(
        (s: { principals: { accountId: string; arn: string }[] }) => s.principals,
      );
      const victims = new Set<string>(
        compromised.flatMap((p: { accountId: string; arn: string }) => rowsOf(p).map((r) => r.id)),
      );
      for (const p of compromised) {
        const ids = new Set(rowsOf(p).map((r) => r.id));
        expect(ids.size, `principal rows for ${p.arn}`).toBeGreaterThan(0);
        const inAccount = ranking.filter((r) => r.accountId === p.accountId);
        const rank = inAccount.findIndex((r) => ids.has(r.principalId));
        expect(rank, `${p.arn} on ${day}`).toBeGreaterThanOrEqual(0);
        expect(rank, `${p.arn} on ${day}`).toBeLessThan(3);
        // And it is an alarm, not just the least quiet of a quiet account.
        expect(inAccount[rank]?.riskScore, `${p.arn} on ${day}`).toBeGreaterThan(50);
        // Across the whole organisation too: fewer than three principals outside the attack
        // outrank it that day, so it is in the top 3 once its fellow victims are set aside.
        const overall = ranking.findIndex((r) => ids.has(r.principalId));
        const benignAbove = ranking.slice(0, overall).filter((r) => !victims.has(r.principalId));
        expect(benignAbove.length, `${p.arn} on ${day}`).toBeLessThan(3);
      }
    }
  });

  test('no benign principal scores above 50 on any day', async () => {
    // Benign: not a compromised principal of the truth file and never the caller of an attack
    // event (the attacker also appears under identities the file does not name, such as the
    // cross-account caller prod sees when svc-backup's new key assumes a role there).
    const compromised = new Set<string>(
      truth.compromisedPrincipals.map((p: { accountId: string; arn: string }) => `${p.accountId}|${p.arn}`),
    );
    const attackEvents = truth.storylines.flatMap(
      (s: { events: { accountId: string; eventId: string }[] }) => s.events,
    );
    const { rows: attackers } = await db.pool.query<{ id: string }>(
      `SELECT DISTINCT e.principal_id::text AS id FROM event e
       JOIN unnest($1::text[], $2::text[]) AS t(account_id, event_id)
         ON e.account_id = t.account_id AND e.event_id = t.event_id`,
      [
        attackEvents.map((e: { accountId: string }) => e.accountId),
        attackEvents.map((e: { eventId: string }) => e.eventId),
      ],
    );
    expect(attackers.length).toBeGreaterThanOrEqual(4);
    const attackerIds = new Set(attackers.map((r) => r.id));
    const { rows } = await db.pool.query<{
      principal_id: string;
      account_id: string;
      arn: string | null;
      day: string;
      score: number;
    }>(
      `SELECT s.principal_id::text, s.account_id, p.arn, to_char(s.window_start, 'YYYY-MM-DD') AS day, s.score, s.learning, s.contributions
       FROM principal_score s JOIN principal p ON p.id = s.principal_id
       WHERE s.granularity = 'day' ORDER BY s.score DESC`,
    );
    const benign = rows.filter(
      (r) => !compromised.has(`${r.account_id}|${r.arn}`) && !attackerIds.has(r.principal_id),
    );
    expect(benign.length).toBeGreaterThan(100);
    const over = benign.filter((r) => r.score > 50);
    expect(over.map((r) => `${r.arn ?? r.principal_id} ${r.day} ${r.score}`)).toEqual([]);
  });
});
