'use client';

import { type ColumnVisibilityState, type SortingState, type Updater, useTable } from '@tanstack/react-table';
import { useRouter } from 'next/navigation';
import { useMemo, useOptimistic, useTransition } from 'react';
import { cx } from '@/components/ui/cx';
import { TABLE, THEAD_ROW } from '@/components/ui/table-classes';
import type { EventRow } from '@/lib/queries/events/event-row';
import { ColumnPicker } from './ColumnPicker';
import {
  CELL_CLASS,
  COLUMN_IDS,
  COLUMN_LABELS,
  type ColumnId,
  DEFAULT_COLUMNS,
  explorerColumns,
  explorerFeatures,
} from './explorer-columns';
import { type ExplorerParams, explorerHref } from './explorer-url';

function resolve<T>(updater: Updater<T>, previous: T): T {
  return typeof updater === 'function' ? (updater as (old: T) => T)(previous) : updater;
}

/**
 * One page of events. Sorting, paging and the column choice live in the URL: a header click or a
 * column toggle navigates, the server sorts and pages, and back/forward replay it.
 */
export function EventsTable({
  rows,
  current,
  sort,
  dir,
  visible,
}: {
  rows: EventRow[];
  current: ExplorerParams;
  sort: string;
  dir: 'asc' | 'desc';
  visible: ColumnId[];
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const columns = useMemo(() => explorerColumns(current), [current]);
  const sorting: SortingState = [{ id: sort, desc: dir === 'desc' }];
  // The picker shows a toggled column at once; the URL (and the server's rows) follow.
  const [shown, setShown] = useOptimistic(visible);
  const columnVisibility: ColumnVisibilityState = Object.fromEntries(
    COLUMN_IDS.map((id) => [id, shown.includes(id)]),
  );
  const go = (patch: Record<string, string | null>, optimisticColumns?: ColumnId[]) =>
    startTransition(() => {
      if (optimisticColumns) setShown(optimisticColumns);
      router.push(explorerHref(current, patch), { scroll: false });
    });

  const table = useTable({
    features: explorerFeatures,
    columns,
    data: rows,
    getRowId: (row) => `${row.accountId}:${row.eventId}`,
    manualSorting: true,
    enableSortingRemoval: false,
    state: { sorting, columnVisibility },
    onSortingChange: (updater) => {
      const [next] = resolve(updater, sorting);
      if (next) go({ sort: next.id === 'time' ? null : next.id, dir: next.desc ? null : 'asc' });
    },
    onColumnVisibilityChange: (updater) => {
      const next = resolve(updater, columnVisibility);
      const ids = COLUMN_IDS.filter((id) => next[id]);
      const isDefault = ids.join(',') === DEFAULT_COLUMNS.join(',');
      go(
        { cols: isDefault || ids.length === 0 ? null : ids.join(',') },
        ids.length > 0 ? ids : DEFAULT_COLUMNS,
      );
    },
  });

  return (
    <div>
      <div className="flex items-center justify-end border-b border-line px-5 py-2">
        <ColumnPicker
          columns={COLUMN_IDS.map((id) => ({ id, label: COLUMN_LABELS[id], visible: shown.includes(id) }))}
          onToggle={(id) => table.getColumn(id)?.toggleVisibility()}
          onReset={() => go({ cols: null }, DEFAULT_COLUMNS)}
        />
      </div>
      <div className={cx('overflow-x-auto transition-opacity', pending && 'opacity-60')} aria-busy={pending}>
        <table className={TABLE}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} className={THEAD_ROW}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={
                        sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                      }
                      className="px-3 py-2.5 font-medium whitespace-nowrap first:pl-5 last:pr-5"
                    >
                      {header.column.getCanSort() ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className="inline-flex items-center gap-1 uppercase hover:text-fg"
                        >
                          <table.FlexRender header={header} />
                          <span aria-hidden="true" className={sorted ? 'text-accent' : 'text-subtle'}>
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
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
              <tr key={row.id} className="align-top hover:bg-surface-hover/40">
                {row.getVisibleCells().map((cell) => (
                  <td
                    key={cell.id}
                    className={cx(
                      'max-w-72 px-3 py-2.5 break-words first:pl-5 last:pr-5',
                      CELL_CLASS[cell.column.id as ColumnId],
                    )}
                  >
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
