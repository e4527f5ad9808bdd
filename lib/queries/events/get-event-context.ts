import type pg from 'pg';
import { type EventDbRow, type EventRow, toEventRow } from './event-row';
import { EVENT_ROW_COLUMNS, EVENT_ROW_JOINS } from './event-sql';

/** Listed at most; a busy automation principal can make thousands of calls in an hour. */
export const CONTEXT_LIMIT = 200;
const HALF = CONTEXT_LIMIT / 2;

export interface EventContext {
  event: EventRow;
  /** The same principal's events within ±minutes of it, oldest first (the event included). */
  around: EventRow[];
  truncated: boolean;
  minutes: number;
}

/** One stored event and what its principal did around it; null when the event is not stored. */
export async function getEventContext(
  db: pg.Pool,
  accountId: string,
  eventId: string,
  minutes: number,
): Promise<EventContext | null> {
  const found = await db.query<EventDbRow>(
    `SELECT ${EVENT_ROW_COLUMNS}
       FROM event e
       ${EVENT_ROW_JOINS}
      WHERE e.account_id = $1 AND e.event_id = $2
      LIMIT 1`,
    [accountId, eventId],
  );
  const row = found.rows[0];
  if (!row) return null;
  const spanMs = minutes * 60_000;
  const at = row.event_time;
  // Half before and half after, so the chosen event stays in the middle of a truncated list.
  const side = (condition: string, order: 'ASC' | 'DESC') =>
    db.query<EventDbRow>(
      `SELECT ${EVENT_ROW_COLUMNS}
         FROM event e
         ${EVENT_ROW_JOINS}
        WHERE e.principal_id = $1::bigint AND ${condition}
        ORDER BY e.event_time ${order}, e.event_id ${order}
        LIMIT ${HALF + 1}`,
      [row.principal_id, at, new Date(at.getTime() + (order === 'ASC' ? spanMs : -spanMs))],
    );
  const [before, after] = await Promise.all([
    side('e.event_time <= $2 AND e.event_time >= $3', 'DESC'),
    side('e.event_time > $2 AND e.event_time <= $3', 'ASC'),
  ]);
  const around = [...before.rows.slice(0, HALF).reverse(), ...after.rows.slice(0, HALF)];
  return {
    event: toEventRow(row),
    around: around.map(toEventRow),
    truncated: before.rows.length > HALF || after.rows.length > HALF,
    minutes,
  };
}
