import type pg from 'pg';
import type { Role } from '../auth/roles';
import type { ParsedEventFilters, ParsedEventsView } from '../queries/events/event-filters';
import { type ExportEventRow, streamEvents } from '../queries/events/stream-events';
import { csvLine } from './csv';
import { inertJson } from './json';

export type ExportFormat = 'csv' | 'json';

/** Export columns, in order: the CSV header and the JSON keys. */
const COLUMNS: [header: string, pick: (row: ExportEventRow) => unknown][] = [
  ['eventTime', (row) => row.eventTime],
  ['accountId', (row) => row.accountId],
  ['region', (row) => row.region],
  ['eventSource', (row) => row.eventSource],
  ['eventName', (row) => row.eventName],
  ['readOnly', (row) => row.readOnly],
  ['errorCode', (row) => row.errorCode],
  ['errorMessage', (row) => row.errorMessage],
  ['principalType', (row) => row.principalType],
  ['principalName', (row) => row.principalName],
  ['principalArn', (row) => row.principalArn],
  ['accessKeyId', (row) => row.accessKeyId],
  ['sourceIp', (row) => row.sourceIp ?? row.sourceHost],
  ['country', (row) => row.countryCode],
  ['asn', (row) => row.asn],
  ['asOrg', (row) => row.asOrg],
  ['userAgent', (row) => row.userAgent],
  ['requestParameters', (row) => row.requestParameters],
  ['eventId', (row) => row.eventId],
];

function* encodeBatch(format: ExportFormat, rows: ExportEventRow[], first: boolean): Generator<string> {
  for (const [index, row] of rows.entries()) {
    const values = COLUMNS.map(([, pick]) => pick(row));
    if (format === 'csv') yield csvLine(values);
    else {
      const object = Object.fromEntries(COLUMNS.map(([header], column) => [header, values[column] ?? null]));
      yield `${first && index === 0 ? '' : ',\n'}${inertJson(object)}`;
    }
  }
}

/**
 * The events of a filter as a byte stream of CSV (with a header row) or a JSON array. Each pull
 * fetches one cursor batch, so the database is read only as fast as the client downloads; a
 * cancelled download closes the cursor.
 */
export function exportEventsStream(
  pool: pg.Pool,
  format: ExportFormat,
  filters: ParsedEventFilters,
  view: Pick<ParsedEventsView, 'sort' | 'dir'>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batches = streamEvents(pool, filters, view);
  let first = true;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(
          encoder.encode(format === 'csv' ? csvLine(COLUMNS.map(([header]) => header)) : '[\n'),
        );
      },
      async pull(controller) {
        try {
          const next = await batches.next();
          if (next.done) {
            if (format === 'json') controller.enqueue(encoder.encode('\n]\n'));
            controller.close();
            return;
          }
          controller.enqueue(encoder.encode([...encodeBatch(format, next.value, first)].join('')));
          first = false;
        } catch (error) {
          controller.error(error);
        }
      },
      async cancel() {
        await batches.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}

/**
 * Bulk export is the one way to take a whole filter's events out at once, so it is kept to the
 * roles that investigate; viewers read the same events on the page.
 */
export const EXPORT_ROLES: readonly Role[] = ['admin', 'analyst'];
