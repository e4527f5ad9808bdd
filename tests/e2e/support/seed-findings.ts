import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../../lib/db/embedded-postgres';
import { writeAttackTrail } from '../../fixtures/e2e/findings-trail';
import { runCli } from './cli';
import { E2E_DATA_DIR } from './env';

export interface StoredFinding {
  id: string;
  ruleId: string;
  severity: string;
  principalId: string | null;
  firstSeen: Date;
  lastSeen: Date;
}

export interface StoredEvent {
  eventId: string;
  eventName: string;
  eventTime: Date;
}

/**
 * Loads the attack trail starting at `start` through the real CLI (`trailhound ingest`, whose
 * after-ingest step runs the detection rules, then `trailhound analyze` for any job left), and
 * reads back what the engine found between `start` and ten minutes later.
 */
export async function ingestAndAnalyze(
  start: Date,
): Promise<{ findings: StoredFinding[]; events: StoredEvent[] }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'th-e2e-findings-'));
  try {
    runCli(['ingest', writeAttackTrail(dir, start)]);
    runCli(['analyze']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // Joins the server the app runs on (as the CLI does); it is never started here.
  const database = await startEmbeddedPostgres(E2E_DATA_DIR, () => {});
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const window = [start, new Date(start.getTime() + 10 * 60_000)];
    const findings = await client.query<{
      id: string;
      rule_id: string;
      severity: string;
      principal_id: string | null;
      first_seen: Date;
      last_seen: Date;
    }>(
      // Overlapping the window, as the feed's time filter does: a retry loads the trail again at
      // another hour, and a recurring finding then widens its window rather than starting anew.
      `SELECT id::text, rule_id, severity, principal_id::text, first_seen, last_seen FROM finding
       WHERE first_seen <= $2 AND last_seen >= $1 ORDER BY id`,
      window,
    );
    const events = await client.query<{ event_id: string; event_name: string; event_time: Date }>(
      'SELECT event_id, event_name, event_time FROM event WHERE event_time >= $1 AND event_time <= $2 ORDER BY event_time',
      window,
    );
    return {
      findings: findings.rows.map((row) => ({
        id: row.id,
        ruleId: row.rule_id,
        severity: row.severity,
        principalId: row.principal_id,
        firstSeen: row.first_seen,
        lastSeen: row.last_seen,
      })),
      events: events.rows.map((row) => ({
        eventId: row.event_id,
        eventName: row.event_name,
        eventTime: row.event_time,
      })),
    };
  } finally {
    await client.end();
  }
}
