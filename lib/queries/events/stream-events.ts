import type pg from 'pg';
import type { ParsedEventFilters, ParsedEventsView } from './event-filters';
import { type EventDbRow, type EventRow, toEventRow } from './event-row';
import { buildEventWhere, eventRowsSql } from './event-sql';
import { resolveTimeWindow } from './search-events';

export interface ExportEventRow extends EventRow {
  requestParameters: unknown;
}

const BATCH_ROWS = 1000;

/**
 * Every event matching a filter, in batches, through a server-side cursor: memory stays at one
 * batch however large the export, and the next batch is fetched only when the caller asks for it
 * (a slow download pauses the query instead of piling rows up). Stopping early (`return()` on the
 * iterator, as a cancelled response does) closes the cursor and releases the connection.
 */
export async function* streamEvents(
  pool: pg.Pool,
  filters: ParsedEventFilters,
  view: Pick<ParsedEventsView, 'sort' | 'dir'>,
  batchRows = BATCH_ROWS,
): AsyncGenerator<ExportEventRow[]> {
  const client = await pool.connect();
  let committed = false;
  try {
    const { window } = await resolveTimeWindow(client, filters);
    const where = buildEventWhere(filters, window);
    await client.query('BEGIN READ ONLY');
    await client.query(
      `DECLARE event_export NO SCROLL CURSOR FOR ${eventRowsSql(
        where,
        view.sort,
        view.dir,
        ", e.detail -> 'requestParameters' AS request_parameters",
      )}`,
      where.values,
    );
    while (true) {
      const { rows } = await client.query<EventDbRow & { request_parameters: unknown }>(
        `FETCH ${Math.trunc(batchRows)} FROM event_export`,
      );
      if (rows.length === 0) break;
      yield rows.map((row) => ({ ...toEventRow(row), requestParameters: row.request_parameters ?? null }));
    }
    await client.query('COMMIT');
    committed = true;
  } finally {
    // An early stop or an error leaves the transaction open: roll it back before reuse, and
    // drop the connection if even that fails.
    let broken = false;
    if (!committed) await client.query('ROLLBACK').catch(() => (broken = true));
    client.release(broken);
  }
}
