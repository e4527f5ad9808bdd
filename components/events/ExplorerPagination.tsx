import Link from 'next/link';
import { formatCount } from '@/components/ingest/job-display';
import { buttonClasses } from '@/components/ui/Button';
import { type ExplorerParams, explorerHref } from './explorer-url';

export function ExplorerPagination({
  current,
  page,
  pageCount,
  firstRow,
  rowsShown,
  total,
  totalCapped,
}: {
  current: ExplorerParams;
  page: number;
  pageCount: number;
  firstRow: number;
  rowsShown: number;
  total: number;
  totalCapped: boolean;
}) {
  const link = (target: number, label: string, enabled: boolean) =>
    enabled ? (
      <Link
        href={explorerHref(current, { page: target === 1 ? null : target })}
        className={buttonClasses('secondary', 'sm')}
      >
        {label}
      </Link>
    ) : (
      <span
        aria-disabled="true"
        className={buttonClasses('secondary', 'sm', 'pointer-events-none opacity-50')}
      >
        {label}
      </span>
    );
  return (
    <nav
      aria-label="Pages"
      className="flex items-center justify-between gap-4 border-t border-line px-5 py-3 text-sm"
    >
      <p className="text-muted tabular-nums">
        {rowsShown === 0
          ? 'No events on this page'
          : `${formatCount(firstRow)}–${formatCount(firstRow + rowsShown - 1)} of ${formatCount(total)}${totalCapped ? '+' : ''}`}
      </p>
      <div className="flex items-center gap-2">
        {link(page - 1, 'Previous', page > 1)}
        <span className="px-1 text-muted tabular-nums">
          Page {page} of {pageCount}
          {totalCapped ? '+' : ''}
        </span>
        {link(page + 1, 'Next', page < pageCount)}
      </div>
    </nav>
  );
}
