import Link from 'next/link';
import { cx } from './cx';

/** A small switch whose options are links, so the choice lives in the URL. */
export function SegmentedLinks({
  label,
  options,
}: {
  label: string;
  options: { label: string; href: string; active: boolean }[];
}) {
  return (
    <nav
      aria-label={label}
      className="inline-flex rounded-lg border border-line bg-surface-muted p-0.5 text-[13px]"
    >
      {options.map((option) => (
        <Link
          key={option.href}
          href={option.href}
          scroll={false}
          aria-current={option.active ? 'true' : undefined}
          className={cx(
            'rounded-md px-2.5 py-1 font-medium transition-colors',
            option.active ? 'bg-surface text-fg shadow-xs' : 'text-muted hover:text-fg',
          )}
        >
          {option.label}
        </Link>
      ))}
    </nav>
  );
}
