import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../../lib/db/embedded-postgres';
import { trailFile, writeTree } from '../../fixtures/e2e/trail-files';
import { insertFinding, type SeedFinding } from '../../helpers/findings-seed';
import { runCli } from './cli';
import { E2E_DATA_DIR } from './env';

export interface StoredEvent {
  accountId: string;
  eventId: string;
  eventTime: Date;
  eventName: string;
  principalId: string;
}

/**
 * Loads a small trail through the real CLI, then writes findings rows over its events. Findings
 * are written directly (not by `trailhound analyze`, which another branch is building), so the
 * specs know exactly which findings exist and what evidence each one names.
 */
export async function seedTrailAndFindings(
  start: Date,
  findings: (events: StoredEvent[]) => SeedFinding[],
): Promise<{ events: StoredEvent[]; findingIds: string[] }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'th-e2e-findings-'));
  try {
    writeTree(dir, [trailFile('eu-west-1', start, 5)]);
    runCli(['ingest', path.join(dir, 'AWSLogs')]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // Joins the server the app runs on (the CLI does the same); it is never started here.
  const database = await startEmbeddedPostgres(E2E_DATA_DIR, () => {});
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{
      account_id: string;
      event_id: string;
      event_time: Date;
      event_name: string;
      principal_id: string;
    }>(
      `SELECT account_id, event_id, event_time, event_name, principal_id::text FROM event
       WHERE event_time >= $1 AND event_time < $1::timestamptz + interval '10 minutes' ORDER BY event_time`,
      [start],
    );
    const events = rows.map((row) => ({
      accountId: row.account_id,
      eventId: row.event_id,
      eventTime: row.event_time,
      eventName: row.event_name,
      principalId: row.principal_id,
    }));
    const findingIds: string[] = [];
    for (const finding of findings(events)) findingIds.push(await insertFinding(client, finding));
    return { events, findingIds };
  } finally {
    await client.end();
  }
}
