import type { ReactNode } from 'react';
import { cx } from '@/components/ui/cx';

/** One figure in a job's summary grid; `name` makes the value addressable in tests. */
export function JobStat({
  name,
  label,
  value,
  detail,
  tone,
}: {
  name: string;
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  tone?: 'danger' | 'success';
}) {
  return (
    <div className="min-w-0 bg-surface px-4 py-3">
      <dt className="text-xs font-medium tracking-wide text-muted uppercase">{label}</dt>
      <dd className="mt-1">
        <span
          data-testid={`stat-${name}`}
          className={cx(
            'block truncate text-xl font-semibold tabular-nums',
            tone === 'danger' ? 'text-danger' : tone === 'success' ? 'text-success' : 'text-fg',
          )}
        >
          {value}
        </span>
        {detail ? <span className="mt-0.5 block text-xs text-muted">{detail}</span> : null}
      </dd>
    </div>
  );
}
