import {
  type ColumnDef,
  columnVisibilityFeature,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatUtcClock, formatUtcDate } from '@/lib/format';
import { eventKey } from '@/lib/links';
import type { EventRow } from '@/lib/queries/events/event-row';
import { SORT_COLUMNS } from '@/lib/queries/events/sort-columns';
import { type ExplorerParams, explorerHref } from './explorer-url';

export const COLUMN_LABELS = {
  time: 'Time',
  principal: 'Principal',
  ptype: 'Identity type',
  event: 'Event',
  service: 'Service',
  rw: 'Read/write',
  account: 'Account',
  region: 'Region',
  ip: 'Source IP',
  country: 'Country',
  asn: 'ASN',
  ua: 'User agent',
  error: 'Error',
  key: 'Access key',
} as const;

export type ColumnId = keyof typeof COLUMN_LABELS;
export const COLUMN_IDS = Object.keys(COLUMN_LABELS) as ColumnId[];
/** Seven columns fit 1280 px without scrolling; the service is in the event source, one click away. */
export const DEFAULT_COLUMNS: ColumnId[] = ['time', 'principal', 'event', 'account', 'region', 'ip', 'error'];
// Sorting happens on the server (manualSorting); the table keeps its state and header APIs.
export const explorerFeatures = tableFeatures({ rowSortingFeature, columnVisibilityFeature });
type Features = typeof explorerFeatures;

/** Extra classes of a column's cells. */
export const CELL_CLASS: Partial<Record<ColumnId, string>> = {
  time: 'whitespace-nowrap',
  event: 'whitespace-nowrap',
  service: 'whitespace-nowrap',
  rw: 'whitespace-nowrap',
  account: 'font-mono text-[13px] whitespace-nowrap',
  region: 'whitespace-nowrap',
  ip: 'font-mono text-[13px] whitespace-nowrap',
  asn: 'whitespace-nowrap',
};

const SORTABLE = new Set<ColumnId>(SORT_COLUMNS);

/** A cell value that narrows the explorer to it when clicked. */
function FilterLink({
  current,
  param,
  value,
  children,
  className,
}: {
  current: ExplorerParams;
  param: string;
  value: string | number | null;
  children?: ReactNode;
  className?: string;
}) {
  if (value === null || value === '') return <span className="text-subtle">—</span>;
  return (
    <Link
      href={explorerHref(current, { [param]: value })}
      scroll={false}
      className={`hover:text-accent hover:underline ${className ?? ''}`}
      title={`Only ${COLUMN_LABELS[param as ColumnId] ?? param} ${value}`}
    >
      {children ?? String(value)}
    </Link>
  );
}

export function explorerColumns(current: ExplorerParams): ColumnDef<Features, EventRow>[] {
  const column = (id: ColumnId, cell: (row: EventRow) => ReactNode): ColumnDef<Features, EventRow> => ({
    id,
    header: COLUMN_LABELS[id],
    accessorFn: (row: EventRow) => row.eventId,
    enableSorting: SORTABLE.has(id),
    cell: (info) => cell(info.row.original),
  });
  return [
    column('time', (row) => (
      <Link
        href={explorerHref(current, { ev: eventKey(row.accountId, row.eventId) })}
        scroll={false}
        className="font-medium text-fg hover:text-accent hover:underline"
        aria-label={`Open ${row.eventName ?? 'event'} at ${row.eventTime}`}
      >
        <time dateTime={row.eventTime} className="block whitespace-nowrap tabular-nums">
          {formatUtcClock(row.eventTime)}
        </time>
        <span className="block text-xs font-normal text-muted">{formatUtcDate(row.eventTime)}</span>
      </Link>
    )),
    column('principal', (row) => (
      <>
        <FilterLink current={current} param="principal" value={row.principalId} className="font-medium">
          {row.principalName}
        </FilterLink>
        <span className="block max-w-56 truncate text-xs text-muted" title={row.principalArn ?? undefined}>
          {row.principalType}
        </span>
      </>
    )),
    column('ptype', (row) => <FilterLink current={current} param="ptype" value={row.principalType} />),
    column('event', (row) => (
      <FilterLink current={current} param="event" value={row.eventName} className="font-medium" />
    )),
    column('service', (row) => <FilterLink current={current} param="service" value={row.service} />),
    column('rw', (row) =>
      row.readOnly === null ? (
        <span className="text-subtle">—</span>
      ) : (
        <FilterLink current={current} param="rw" value={row.readOnly ? 'read' : 'write'} />
      ),
    ),
    column('account', (row) => <FilterLink current={current} param="account" value={row.accountId} />),
    column('region', (row) => <FilterLink current={current} param="region" value={row.region} />),
    column('ip', (row) =>
      row.sourceIp ? (
        <FilterLink current={current} param="ip" value={row.sourceIp} />
      ) : (
        <span className="break-all text-muted">{row.sourceHost ?? '—'}</span>
      ),
    ),
    column('country', (row) => (
      <FilterLink current={current} param="country" value={row.countryCode}>
        {row.country ?? row.countryCode}
      </FilterLink>
    )),
    column('asn', (row) => (
      <>
        <FilterLink current={current} param="asn" value={row.asn}>
          {row.asn === null ? null : `AS${row.asn}`}
        </FilterLink>
        {row.asOrg ? <span className="block max-w-48 truncate text-xs text-muted">{row.asOrg}</span> : null}
      </>
    )),
    column('ua', (row) => (
      <>
        <FilterLink current={current} param="ua" value={row.userAgentFamily} />
        {row.userAgent ? (
          <span className="block max-w-64 truncate text-xs text-muted" title={row.userAgent}>
            {row.userAgent}
          </span>
        ) : null}
      </>
    )),
    column('error', (row) =>
      row.errorCode ? (
        <>
          <FilterLink
            current={current}
            param="error"
            value={row.errorCode}
            className="font-medium text-danger"
          />
          {row.errorMessage ? (
            <span className="block max-w-56 truncate text-xs text-muted" title={row.errorMessage}>
              {row.errorMessage}
            </span>
          ) : null}
        </>
      ) : (
        <span className="text-subtle">—</span>
      ),
    ),
    column('key', (row) => <span className="font-mono text-[13px]">{row.accessKeyId ?? '—'}</span>),
  ];
}
