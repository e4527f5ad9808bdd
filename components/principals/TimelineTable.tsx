'use client';

import {
  createColumnHelper,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { RawEventDrawer } from '@/components/events/RawEventDrawer';
import { Badge } from '@/components/ui/Badge';
import { Button } from '@/components/ui/Button';
import { cx } from '@/components/ui/cx';
import { THEAD_ROW } from '@/components/ui/table-classes';
import { formatUtcDate, formatUtcTime } from '@/lib/format';
import { principalHref } from '@/lib/links';
import { hrefWith } from '@/lib/principals/href-with';
import type { EventRow } from '@/lib/queries/events/event-row';

const features = tableFeatures({ rowSortingFeature });
const helper = createColumnHelper<typeof features, EventRow>();

// Column ids are the server's sort keys (lib/queries/events/event-filters.ts SORT_COLUMNS).
const SORTABLE = new Set(['time', 'event', 'service', 'ip', 'error']);

/**
 * The principal's calls, one page at a time. Paging, sorting and filtering happen in SQL: this
 * table only renders the page and turns header clicks into URL changes (manual sorting).
 */
export function TimelineTable({
  rows,
  total,
  capped,
  page,
  pageSize,
  sort,
  desc,
  currentHref,
  around,
  showPrincipal,
}: {
  rows: EventRow[];
  total: number;
  capped: boolean;
  page: number;
  pageSize: number;
  sort: string;
  desc: boolean;
  currentHref: string;
  around?: string;
  showPrincipal: boolean;
}) {
  const router = useRouter();
  const [raw, setRaw] = useState<EventRow | null>(null);
  const sorting: SortingState = [{ id: sort, desc }];

  const columns = helper.columns([
    helper.accessor('eventTime', {
      id: 'time',
      header: 'Time (UTC)',
      cell: (info) => (
        <span className="whitespace-nowrap tabular-nums">
          {formatUtcDate(info.getValue())}{' '}
          <span className="text-muted">{formatUtcTime(info.getValue()).replace(' UTC', '')}</span>
        </span>
      ),
    }),
    ...(showPrincipal
      ? [
          helper.accessor('principalName', {
            id: 'principal',
            header: 'Principal',
            enableSorting: false,
            cell: (info) => (
              <Link
                href={principalHref(info.row.original.principalId)}
                className="text-accent hover:underline"
              >
                {info.getValue()}
              </Link>
            ),
          }),
        ]
      : []),
    helper.accessor('eventName', {
      id: 'event',
      header: 'Event',
      cell: (info) => <span className="font-medium break-all">{info.getValue() ?? '—'}</span>,
    }),
    helper.accessor('service', { id: 'service', header: 'Service', cell: (info) => info.getValue() ?? '—' }),
    helper.accessor('sourceIp', {
      id: 'ip',
      header: 'Source',
      cell: (info) => {
        const row = info.row.original;
        return (
          <span className="font-mono text-xs break-all">
            {row.sourceIp ?? row.sourceHost ?? '—'}
            {row.countryCode ? <span className="ml-1 text-muted">{row.countryCode}</span> : null}
            {row.asOrg ? <span className="block text-subtle">{row.asOrg}</span> : null}
          </span>
        );
      },
    }),
    helper.accessor('userAgentFamily', {
      id: 'ua',
      header: 'Agent',
      enableSorting: false,
      cell: (info) => <span className="text-xs">{info.getValue() ?? '—'}</span>,
    }),
    helper.accessor('errorCode', {
      id: 'error',
      header: 'Error',
      cell: (info) => (info.getValue() ? <Badge tone="danger">{info.getValue()}</Badge> : null),
    }),
    helper.display({
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      cell: (info) => {
        const row = info.row.original;
        return (
          <div className="flex justify-end gap-1">
            <Link
              href={hrefWith(currentHref, { around: row.eventId, tpage: undefined })}
              className="rounded-md px-2 py-1 text-xs text-accent hover:bg-surface-hover"
              aria-label={`Context around ${row.eventName ?? 'event'} at ${row.eventTime}`}
            >
              Context
            </Link>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => setRaw(row)}
              aria-label={`Raw JSON of ${row.eventName ?? 'event'} ${row.eventId}`}
            >
              JSON
            </Button>
          </div>
        );
      },
    }),
  ]);

  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => `${row.accountId}:${row.eventId}`,
    state: { sorting },
    manualSorting: true,
    enableSortingRemoval: false,
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      if (!first) return;
      const value = `${first.desc ? '-' : ''}${first.id}`;
      router.push(hrefWith(currentHref, { tsort: value === '-time' ? undefined : value, tpage: undefined }), {
        scroll: false,
      });
    },
  });

  const pages = Math.max(1, Math.ceil(total / pageSize));
  const firstRow = total === 0 ? 0 : (page - 1) * pageSize + 1;

  return (
    <div>
      <div className="overflow-x-auto">
        <table className="w-full text-sm" aria-label="Timeline">
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} className={THEAD_ROW}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const sortable = SORTABLE.has(header.column.id);
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className="px-3 py-2.5 font-medium first:pl-5 last:pr-5"
                      aria-sort={sorted ? (sorted === 'desc' ? 'descending' : 'ascending') : undefined}
                    >
                      {sortable ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className="inline-flex items-center gap-1 uppercase hover:text-fg"
                        >
                          <table.FlexRender header={header} />
                          <span aria-hidden="true">
                            {sorted === 'asc' ? '↑' : sorted === 'desc' ? '↓' : ''}
                          </span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-line">
            {table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                data-anchor={row.original.eventId === around ? 'true' : undefined}
                className={cx(
                  'align-top hover:bg-surface-hover/40',
                  row.original.eventId === around && 'bg-accent-soft/60',
                )}
              >
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className="px-3 py-2 first:pl-5 last:pr-5">
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? (
          <p className="px-5 py-8 text-center text-sm text-muted">No calls match.</p>
        ) : null}
      </div>
      <nav
        aria-label="Timeline pages"
        className="flex items-center justify-between border-t border-line px-5 py-3 text-sm"
      >
        <span className="text-muted">
          {firstRow.toLocaleString('en')}–
          {(firstRow + rows.length - (rows.length ? 1 : 0)).toLocaleString('en')} of{' '}
          {total.toLocaleString('en')}
          {capped ? '+' : ''}
        </span>
        <div className="flex items-center gap-2">
          <Link
            aria-disabled={page <= 1}
            href={hrefWith(currentHref, { tpage: page > 2 ? String(page - 1) : undefined })}
            className={cx(
              'rounded-md border border-line px-2.5 py-1',
              page <= 1 && 'pointer-events-none opacity-50',
            )}
            scroll={false}
          >
            Previous
          </Link>
          <span className="text-muted">
            Page {page} of {pages.toLocaleString('en')}
            {capped ? '+' : ''}
          </span>
          <Link
            aria-disabled={page >= pages}
            href={hrefWith(currentHref, { tpage: String(page + 1) })}
            className={cx(
              'rounded-md border border-line px-2.5 py-1',
              page >= pages && 'pointer-events-none opacity-50',
            )}
            scroll={false}
          >
            Next
          </Link>
        </div>
      </nav>
      {raw ? (
        <RawEventDrawer
          accountId={raw.accountId}
          eventId={raw.eventId}
          title={`${raw.eventName ?? 'Event'} by ${raw.principalName}`}
          onClose={() => setRaw(null)}
        />
      ) : null}
    </div>
  );
}
