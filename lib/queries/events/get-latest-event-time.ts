import type pg from 'pg';

/**
 * The newest stored event time, or null when nothing is loaded. One backward index probe of
 * (account_id, event_time) per account, so it stays instant however many events there are
 * (a plain max(event_time) would read the whole table: no index leads with the time).
 */
export async function getLatestEventTime(db: pg.Pool | pg.ClientBase): Promise<Date | null> {
  const { rows } = await db.query<{ latest: Date | null }>(
    `SELECT max(latest.event_time) AS latest
       FROM (SELECT DISTINCT account_id FROM principal) a
      CROSS JOIN LATERAL (
        SELECT e.event_time FROM event e WHERE e.account_id = a.account_id
         ORDER BY e.event_time DESC LIMIT 1
      ) latest`,
  );
  return rows[0]?.latest ?? null;
}
