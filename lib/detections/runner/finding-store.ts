// Collects a run's findings by dedup key and writes them to finding / finding_event in one
// transaction, set-based (unnest arrays, no per-finding round trips). One row per dedup key: a
// recurrence, a re-run or a late event widens the row's evidence, window and count; triage
// (status, assignee, notes) is never touched. The window and count are derived from the stored
// evidence afterwards, so they always agree with it.

import type pg from 'pg';
import type { NormalizedEvent } from '@/lib/cloudtrail/types';
import { SEVERITIES, type Severity } from '@/lib/severity';
import type { Finding } from '../types';

interface Evidence {
  accountId: string;
  eventId: string;
  time: Date;
  /** Kept with the evidence for the geography page (0016). */
  sourceIp: string | null;
}

// One finding being collected; plain data (Maps, Dates), so an analysis thread can hand it over.
export interface FindingDraft {
  ruleId: string;
  title: string;
  severity: Severity;
  summary: string;
  accountId: string;
  principalKey: string;
  region: string | null;
  evidence: Map<string, Evidence>;
}

const FINDINGS_PER_STATEMENT = 5_000;
const EVIDENCE_PER_STATEMENT = 50_000;
const rank = (severity: Severity) => SEVERITIES.indexOf(severity);
const SEVERITY_ARRAY = `ARRAY[${SEVERITIES.map((severity) => `'${severity}'`).join(', ')}]`;
// Summaries quote attacker-controlled values; Postgres text cannot hold NUL.
const clean = (text: string) => (text.includes('\u0000') ? text.replaceAll('\u0000', '') : text);

export class FindingStore {
  private readonly drafts = new Map<string, FindingDraft>();

  get size(): number {
    return this.drafts.size;
  }

  /** `events`: the hits' events by (account, eventID), where the evidence's time and address come from. */
  add(ruleId: string, title: string, finding: Finding, events: Map<string, NormalizedEvent>): void {
    let draft = this.drafts.get(finding.dedupKey);
    if (!draft) {
      draft = {
        ruleId,
        title,
        severity: finding.severity,
        summary: finding.summary,
        accountId: finding.accountId,
        principalKey: finding.principalKey,
        region: finding.region,
        evidence: new Map(),
      };
      this.drafts.set(finding.dedupKey, draft);
    } else if (rank(finding.severity) > rank(draft.severity)) {
      draft.severity = finding.severity;
      draft.summary = finding.summary;
    }
    draft.region ??= finding.region;
    for (const eventId of finding.eventIds) {
      const event = events.get(`${finding.accountId}\u0000${eventId}`);
      if (event)
        draft.evidence.set(eventId, {
          accountId: finding.accountId,
          eventId,
          time: event.eventTime,
          sourceIp: event.sourceIp,
        });
    }
  }

  /** The findings collected so far, for another thread's store (absorb). */
  entries(): [string, FindingDraft][] {
    return [...this.drafts.entries()];
  }

  /** Adds the findings another store collected (an analysis thread's, for other accounts). */
  absorb(entries: Iterable<[string, FindingDraft]>): void {
    for (const [key, incoming] of entries) {
      const draft = this.drafts.get(key);
      if (!draft) {
        this.drafts.set(key, incoming);
        continue;
      }
      if (rank(incoming.severity) > rank(draft.severity)) {
        draft.severity = incoming.severity;
        draft.summary = incoming.summary;
      }
      draft.region ??= incoming.region;
      for (const [eventId, item] of incoming.evidence) draft.evidence.set(eventId, item);
    }
  }

  /**
   * Writes the findings. `replace` (a full re-run): a re-found finding's evidence, severity and
   * summary are replaced rather than merged, and findings no longer produced are deleted unless
   * an analyst has triaged them (status changed, assigned or annotated). Returns the ids written.
   */
  async save(client: pg.ClientBase, { replace }: { replace: boolean }): Promise<string[]> {
    const entries = [...this.drafts.entries()];
    const ids: string[] = [];
    for (let start = 0; start < entries.length; start += FINDINGS_PER_STATEMENT) {
      ids.push(
        ...(await upsertFindings(client, entries.slice(start, start + FINDINGS_PER_STATEMENT), replace)),
      );
    }
    if (replace) {
      await client.query('DELETE FROM finding_event WHERE finding_id = ANY($1::bigint[])', [ids]);
      await client.query(
        `DELETE FROM finding f WHERE NOT (f.id = ANY($1::bigint[])) AND f.status = 'open' AND f.assignee_id IS NULL
           AND NOT EXISTS (SELECT 1 FROM finding_note n WHERE n.finding_id = f.id)`,
        [ids],
      );
    }
    await insertEvidence(client, entries, ids);
    await client.query(
      `UPDATE finding f SET event_count = e.n, first_seen = e.first, last_seen = e.last
       FROM (SELECT finding_id, count(*)::int AS n, min(event_time) AS first, max(event_time) AS last
             FROM finding_event WHERE finding_id = ANY($1::bigint[]) GROUP BY finding_id) e
       WHERE f.id = e.finding_id`,
      [ids],
    );
    return ids;
  }
}

async function upsertFindings(
  client: pg.ClientBase,
  entries: [string, FindingDraft][],
  replace: boolean,
): Promise<string[]> {
  const text = (pick: (key: string, draft: FindingDraft) => string) =>
    entries.map(([key, draft]) => pick(key, draft));
  const bounds = entries.map(([, draft]) => {
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const item of draft.evidence.values()) {
      first = Math.min(first, item.time.getTime());
      last = Math.max(last, item.time.getTime());
    }
    return [new Date(first), new Date(last)] as const;
  });
  const columns = [
    text((key) => clean(key)),
    text((_, draft) => draft.ruleId),
    text((_, draft) => draft.severity),
    text((_, draft) => draft.title),
    text((_, draft) => clean(draft.summary)),
    text((_, draft) => draft.accountId),
    text((_, draft) => clean(draft.principalKey)),
    text((_, draft) => draft.region ?? ''),
    text((_, draft) => String(draft.evidence.size)),
    bounds.map(([first]) => first),
    bounds.map(([, last]) => last),
  ];
  // Keep the more severe of stored and new on incremental runs; a full re-run says it afresh.
  const severity = replace
    ? 'EXCLUDED.severity'
    : `CASE WHEN array_position(${SEVERITY_ARRAY}, EXCLUDED.severity) > array_position(${SEVERITY_ARRAY}, finding.severity)
        THEN EXCLUDED.severity ELSE finding.severity END`;
  const summary = replace
    ? 'EXCLUDED.summary'
    : `CASE WHEN array_position(${SEVERITY_ARRAY}, EXCLUDED.severity) > array_position(${SEVERITY_ARRAY}, finding.severity)
        THEN EXCLUDED.summary ELSE finding.summary END`;
  const { rows } = await client.query<{ id: string; dedup_key: string }>(
    `INSERT INTO finding (dedup_key, rule_id, severity, title, summary, account_id, principal_key, region,
       event_count, principal_id, first_seen, last_seen)
     SELECT i.dedup_key, i.rule_id, i.severity, i.title, i.summary, i.account_id, i.principal_key,
       NULLIF(i.region, ''), i.event_count::int, p.id, i.first_seen, i.last_seen
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                 $9::text[], $10::timestamptz[], $11::timestamptz[])
       AS i(dedup_key, rule_id, severity, title, summary, account_id, principal_key, region, event_count, first_seen, last_seen)
     LEFT JOIN principal p ON p.account_id = i.account_id AND p.principal_key = i.principal_key
     ON CONFLICT (dedup_key) DO UPDATE SET
       severity = ${severity},
       summary = ${summary},
       title = EXCLUDED.title,
       principal_id = COALESCE(EXCLUDED.principal_id, finding.principal_id),
       region = COALESCE(finding.region, EXCLUDED.region),
       updated_at = now()
     RETURNING id::text, dedup_key`,
    columns,
  );
  const idByKey = new Map(rows.map((row) => [row.dedup_key, row.id]));
  return entries.map(([dedupKey]) => idByKey.get(clean(dedupKey)) as string);
}

async function insertEvidence(
  client: pg.ClientBase,
  entries: [string, FindingDraft][],
  ids: string[],
): Promise<void> {
  let columns: [string[], string[], string[], Date[], (string | null)[]] = [[], [], [], [], []];
  const flush = async () => {
    if (columns[0].length === 0) return;
    await client.query(
      `INSERT INTO finding_event (finding_id, account_id, event_id, event_time, source_ip)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::timestamptz[], $5::inet[])
       ON CONFLICT DO NOTHING`,
      columns,
    );
    columns = [[], [], [], [], []];
  };
  for (let index = 0; index < entries.length; index++) {
    const id = ids[index] as string;
    for (const item of (entries[index] as [string, FindingDraft])[1].evidence.values()) {
      columns[0].push(id);
      columns[1].push(item.accountId);
      columns[2].push(item.eventId);
      columns[3].push(item.time);
      columns[4].push(item.sourceIp);
      if (columns[0].length >= EVIDENCE_PER_STATEMENT) await flush();
    }
  }
  await flush();
}
