import Link from 'next/link';
import type { ReactNode } from 'react';
import { buttonClasses } from '@/components/ui/Button';
import { formatUtc } from '@/lib/format';
import type { TimeRange } from '@/lib/overview/time-range';

/** The range every widget shows, and the way back to all of it once a range is chosen. */
export function RangeSummary({
  range,
  resetHref,
  hint,
  children,
}: {
  range: TimeRange;
  resetHref: string | null;
  /** What to do to narrow the range, shown while the whole data is shown. */
  hint?: string;
  /** Links that carry the range elsewhere. */
  children?: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-line bg-surface px-4 py-2.5 text-sm shadow-xs">
      <p className="text-muted">
        {resetHref ? 'Selected range' : 'All data'}:{' '}
        <time data-testid="range-from" dateTime={range.from.toISOString()} className="font-medium text-fg">
          {formatUtc(range.from)}
        </time>{' '}
        to{' '}
        <time data-testid="range-to" dateTime={range.to.toISOString()} className="font-medium text-fg">
          {formatUtc(range.to)}
        </time>
      </p>
      <div className="flex items-center gap-3">
        {resetHref ? (
          <Link href={resetHref} scroll={false} className={buttonClasses('secondary', 'sm')}>
            Show all data
          </Link>
        ) : hint ? (
          <p className="text-xs text-subtle">{hint}</p>
        ) : null}
        {children}
      </div>
    </div>
  );
}
