import type { TimeWindow } from '@/lib/principals/scope';
import type { Db } from './db';

/** The services and event names the principal called in the window: the timeline filters' options. */
export async function getTimelineFacets(
  db: Db,
  principalId: string,
  window: TimeWindow,
): Promise<{ services: string[]; events: string[] }> {
  const { rows } = await db.query<{ services: string[] | null; events: string[] | null }>(
    `SELECT array_agg(DISTINCT service ORDER BY service) FILTER (WHERE service IS NOT NULL) AS services,
            array_agg(DISTINCT event_name ORDER BY event_name) FILTER (WHERE event_name IS NOT NULL) AS events
       FROM event WHERE principal_id = $1 AND event_time >= $2 AND event_time < $3`,
    [principalId, window.from, window.to],
  );
  return { services: rows[0]?.services ?? [], events: rows[0]?.events ?? [] };
}

/** The time of one event of the account, to centre a context window on it. */
export async function getEventTime(db: Db, accountId: string, eventId: string): Promise<Date | null> {
  const { rows } = await db.query<{ t: Date }>(
    'SELECT event_time AS t FROM event WHERE account_id = $1 AND event_id = $2 LIMIT 1',
    [accountId, eventId],
  );
  return rows[0]?.t ?? null;
}
