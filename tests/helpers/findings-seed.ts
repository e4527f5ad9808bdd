import { randomUUID } from 'node:crypto';
import type pg from 'pg';

// Findings rows written directly, for tests of the feed, the detail page and triage. The engine's
// own persistence is tested by its branch; these tests need exact, known rows to assert on.

export interface SeedFinding {
  ruleId: string;
  severity?: string;
  title?: string;
  summary?: string;
  accountId?: string;
  principalId?: string | null;
  principalKey?: string;
  region?: string | null;
  firstSeen: Date;
  lastSeen?: Date;
  status?: string;
  /** Evidence by natural key; eventCount defaults to their number (or 1). */
  events?: { accountId: string; eventId: string; eventTime: Date }[];
  eventCount?: number;
}

export async function insertFinding(db: pg.Pool | pg.ClientBase, finding: SeedFinding): Promise<string> {
  const events = finding.events ?? [];
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO finding (rule_id, dedup_key, severity, title, summary, account_id, principal_id, principal_key,
       region, first_seen, last_seen, event_count, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id::text`,
    [
      finding.ruleId,
      `${finding.ruleId}:${randomUUID()}`,
      finding.severity ?? 'medium',
      finding.title ?? `Finding of ${finding.ruleId}`,
      finding.summary ?? 'A test finding',
      finding.accountId ?? '111122223333',
      finding.principalId ?? null,
      finding.principalKey ?? 'test-principal',
      finding.region ?? 'us-east-1',
      finding.firstSeen,
      finding.lastSeen ?? finding.firstSeen,
      finding.eventCount ?? Math.max(1, events.length),
      finding.status ?? 'open',
    ],
  );
  const id = rows[0]?.id as string;
  for (const event of events) {
    await db.query(
      'INSERT INTO finding_event (finding_id, account_id, event_id, event_time) VALUES ($1, $2, $3, $4)',
      [id, event.accountId, event.eventId, event.eventTime],
    );
  }
  return id;
}

/** A principal row as ingest would have made it; returns its id. */
export async function insertPrincipal(
  db: pg.Pool | pg.ClientBase,
  {
    accountId = '111122223333',
    key,
    name,
    type = 'IAMUser',
  }: { accountId?: string; key: string; name: string; type?: string },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO principal (account_id, principal_key, principal_type, name) VALUES ($1, $2, $3, $4)
     ON CONFLICT (account_id, principal_key) DO UPDATE SET name = excluded.name RETURNING id::text`,
    [accountId, key, type, name],
  );
  return rows[0]?.id as string;
}
