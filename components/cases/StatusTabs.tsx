import Link from 'next/link';
import { cx } from '@/components/ui/cx';
import { CASE_STATUS_LABELS, CASE_STATUSES, type CaseStatus } from '@/lib/cases/constants';

/** Filter tabs of the case list; the status lives in the URL (?status=). */
export function StatusTabs({
  active,
  counts,
}: {
  active: CaseStatus | undefined;
  counts: Record<CaseStatus, number>;
}) {
  const total = CASE_STATUSES.reduce((sum, status) => sum + counts[status], 0);
  const tabs = [
    { href: '/investigations', label: 'All', count: total, current: active === undefined },
    ...CASE_STATUSES.map((status) => ({
      href: `/investigations?status=${status}`,
      label: CASE_STATUS_LABELS[status],
      count: counts[status],
      current: active === status,
    })),
  ];
  return (
    <nav aria-label="Case status" className="mb-4 border-b border-line">
      <ul className="-mb-px flex gap-6">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={tab.current ? 'page' : undefined}
              className={cx(
                'inline-flex items-center gap-1.5 border-b-2 pb-2.5 text-sm font-medium transition-colors',
                tab.current ? 'border-accent text-fg' : 'border-transparent text-muted hover:text-fg',
              )}
            >
              {tab.label}
              <span className="rounded-md bg-surface-muted px-1.5 text-xs tabular-nums text-muted">
                {tab.count}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
