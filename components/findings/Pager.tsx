import Link from 'next/link';
import { buttonClasses } from '@/components/ui/Button';

const formatCount = (value: number) => value.toLocaleString('en-US');

/** Previous/next links with "x–y of n", for any paged list whose page lives in the URL. */
export function Pager({
  label,
  page,
  pageSize,
  total,
  hrefFor,
}: {
  label: string;
  page: number;
  pageSize: number;
  total: number;
  hrefFor: (page: number) => string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav
      aria-label={label}
      className="flex items-center justify-between border-t border-line px-5 py-3 text-sm"
    >
      <span className="text-muted">
        {first > total
          ? `Page ${formatCount(page)} is past the end`
          : `${formatCount(first)}–${formatCount(last)}`}{' '}
        of {formatCount(total)}
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link href={hrefFor(Math.min(page - 1, pages))} className={buttonClasses('secondary', 'sm')}>
            Previous
          </Link>
        ) : null}
        {page < pages ? (
          <Link href={hrefFor(page + 1)} className={buttonClasses('secondary', 'sm')}>
            Next
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
