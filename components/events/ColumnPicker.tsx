'use client';

import { buttonClasses } from '@/components/ui/Button';
import type { ColumnId } from './explorer-columns';

/** Which columns the table shows; the choice is kept in the URL (`cols`), so links keep it. */
export function ColumnPicker({
  columns,
  onToggle,
  onReset,
}: {
  columns: { id: ColumnId; label: string; visible: boolean }[];
  onToggle: (id: ColumnId) => void;
  onReset: () => void;
}) {
  const shown = columns.filter((column) => column.visible).length;
  return (
    <details className="relative">
      <summary className={buttonClasses('secondary', 'sm', 'cursor-pointer list-none')}>
        Columns <span className="text-muted">({shown})</span>
      </summary>
      <fieldset className="absolute right-0 z-20 mt-1 w-56 rounded-lg border border-line bg-surface p-2 shadow-lg">
        <legend className="sr-only">Visible columns</legend>
        {columns.map((column) => (
          <label
            key={column.id}
            className="flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm text-fg hover:bg-surface-hover"
          >
            <input
              type="checkbox"
              checked={column.visible}
              disabled={column.visible && shown === 1}
              onChange={() => onToggle(column.id)}
              className="accent-accent"
            />
            {column.label}
          </label>
        ))}
        <button
          type="button"
          onClick={onReset}
          className="mt-1 w-full rounded-md px-2 py-1.5 text-left text-[13px] text-muted hover:bg-surface-hover hover:text-fg"
        >
          Reset to default columns
        </button>
      </fieldset>
    </details>
  );
}
