// The first-seen baseline across runs: every (account, scope, scope key, "feature:value") a
// first-seen rule met, with the first and last time, held in memory for a run and saved to
// detection_baseline. The evaluator asks synchronously, so the rows a run needs are loaded first.
//
// "Seen before t within the baseline window" is answered from (first, last): seen when first < t
// and last >= t - window. When last is after t that is an approximation (an occurrence between
// the window start and t is assumed); exact answers would need every occurrence, and the windows
// (10-30 days) are long enough that the gap case is rare.

import type pg from 'pg';
import type { BaselineLookup, BaselineScope, BaselineSink } from '../types';

type Db = pg.Pool | pg.ClientBase;

export interface Span {
  first: number;
  last: number;
}

const ROWS_PER_STATEMENT = 20_000;

// NUL separates the parts; Postgres text cannot hold it anyway, so it is dropped from the values.
const clean = (text: string) => (text.includes('\u0000') ? text.replaceAll('\u0000', '') : text);

function keyOf(accountId: string, scope: BaselineScope, scopeKey: string, value: string): string {
  return `${accountId}\u0000${scope}\u0000${clean(scopeKey)}\u0000${clean(value)}`;
}

function widen(map: Map<string, Span>, key: string, time: number): void {
  const span = map.get(key);
  if (!span) map.set(key, { first: time, last: time });
  else {
    if (time < span.first) span.first = time;
    if (time > span.last) span.last = time;
  }
}

export class BaselineStore {
  // What was stored before this run (for lookups)...
  private readonly known = new Map<string, Span>();
  // ...and what this run observed (lookups see it too; only this is written back).
  private readonly observed = new Map<string, Span>();

  /** Loads the stored baseline of these accounts. */
  async load(db: Db, accountIds: readonly string[]): Promise<void> {
    const { rows } = await db.query<{
      account_id: string;
      scope: BaselineScope;
      scope_key: string;
      value: string;
      first: Date;
      last: Date;
    }>(
      `SELECT account_id, scope, scope_key, value, first_seen AS first, last_seen AS last
       FROM detection_baseline WHERE account_id = ANY($1::text[])`,
      [accountIds],
    );
    for (const row of rows) {
      const key = keyOf(row.account_id, row.scope, row.scope_key, row.value);
      this.known.set(key, { first: row.first.getTime(), last: row.last.getTime() });
    }
  }

  readonly lookup: BaselineLookup = (scope, key, value, info) => {
    const id = keyOf(info.accountId, scope, key, value);
    const at = info.at.getTime();
    const since = info.since.getTime();
    for (const span of [this.known.get(id), this.observed.get(id)]) {
      if (span && span.first < at && span.last >= since) return true;
    }
    return false;
  };

  readonly sink: BaselineSink = (scope, accountId, key, value, time) => {
    widen(this.observed, keyOf(accountId, scope, key, value), time.getTime());
  };

  /** This run's observations, for another thread's store (absorb). */
  observations(): [string, Span][] {
    return [...this.observed.entries()];
  }

  /** Adds the observations another store made (an analysis thread's, for other accounts). */
  absorb(entries: Iterable<[string, Span]>): void {
    for (const [key, span] of entries) {
      widen(this.observed, key, span.first);
      widen(this.observed, key, span.last);
    }
  }

  get observedCount(): number {
    return this.observed.size;
  }

  /**
   * Writes this run's observations, widening stored spans. `replace` (a full re-run) drops the
   * stored baseline first, so values only deleted events had are forgotten.
   */
  async save(client: pg.ClientBase, { replace }: { replace: boolean }): Promise<void> {
    if (replace) await client.query('TRUNCATE detection_baseline');
    const entries = [...this.observed.entries()];
    for (let start = 0; start < entries.length; start += ROWS_PER_STATEMENT) {
      const slice = entries.slice(start, start + ROWS_PER_STATEMENT);
      const columns: [string[], string[], string[], string[], Date[], Date[]] = [[], [], [], [], [], []];
      for (const [key, span] of slice) {
        const [accountId, scope, scopeKey, value] = key.split('\u0000') as [string, string, string, string];
        columns[0].push(accountId);
        columns[1].push(scope);
        columns[2].push(scopeKey);
        columns[3].push(value);
        columns[4].push(new Date(span.first));
        columns[5].push(new Date(span.last));
      }
      await client.query(
        `INSERT INTO detection_baseline (account_id, scope, scope_key, value, first_seen, last_seen)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[])
         ON CONFLICT (account_id, scope, scope_key, value) DO UPDATE SET
           first_seen = LEAST(detection_baseline.first_seen, EXCLUDED.first_seen),
           last_seen = GREATEST(detection_baseline.last_seen, EXCLUDED.last_seen)`,
        columns,
      );
    }
  }
}
