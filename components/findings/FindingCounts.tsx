import Link from 'next/link';
import { Card } from '@/components/ui/Card';
import { cx } from '@/components/ui/cx';
import type { FindingFacets } from '@/lib/queries/findings/get-finding-facets';
import { SEVERITIES, SEVERITY_LABELS, type Severity } from '@/lib/severity';

// Literal class names so Tailwind's scanner sees every one of them.
const SEGMENT: Record<Severity, string> = {
  info: 'bg-sev-info',
  low: 'bg-sev-low',
  medium: 'bg-sev-medium',
  high: 'bg-sev-high',
  critical: 'bg-sev-critical',
};

const formatCount = (value: number) => value.toLocaleString('en-US');

/**
 * The counts above the feed: a stacked severity bar and one bar per ATT&CK tactic. Every entry is
 * a link to the feed filtered by it (the page builds the hrefs, so the rest of the view is kept).
 */
export function FindingCounts({
  facets,
  activeSeverities,
  activeTactic,
  severityHref,
  tacticHref,
}: {
  facets: FindingFacets;
  activeSeverities: readonly Severity[];
  activeTactic: string | undefined;
  severityHref: (severity: Severity | undefined) => string;
  tacticHref: (tacticId: string | undefined) => string;
}) {
  const order = [...SEVERITIES].reverse();
  const severityTotal = order.reduce((sum, severity) => sum + facets.bySeverity[severity], 0);
  const tacticMax = Math.max(1, ...facets.byTactic.map((entry) => entry.count));
  return (
    <Card className="grid gap-6 px-5 py-4 lg:grid-cols-[2fr_3fr]">
      <section aria-labelledby="by-severity-heading" className="min-w-0">
        <h2 id="by-severity-heading" className="text-xs font-medium tracking-wide text-muted uppercase">
          By severity
        </h2>
        <div className="mt-3 flex h-2.5 overflow-hidden rounded-full bg-surface-muted" aria-hidden="true">
          {order.map((severity) =>
            facets.bySeverity[severity] > 0 ? (
              <div
                key={severity}
                className={SEGMENT[severity]}
                style={{ width: `${(facets.bySeverity[severity] / severityTotal) * 100}%` }}
              />
            ) : null,
          )}
        </div>
        <ul className="mt-3 grid grid-cols-5 gap-1">
          {order.map((severity) => {
            const active = activeSeverities.includes(severity);
            return (
              <li key={severity}>
                <Link
                  href={severityHref(active && activeSeverities.length === 1 ? undefined : severity)}
                  aria-current={active ? 'true' : undefined}
                  aria-label={`${SEVERITY_LABELS[severity]}: ${formatCount(facets.bySeverity[severity])} findings`}
                  className={cx(
                    'block rounded-lg px-2 py-1.5 hover:bg-surface-hover',
                    active && 'bg-accent-soft ring-1 ring-accent/30',
                  )}
                >
                  <span className="flex items-center gap-1.5 text-xs text-muted">
                    <span
                      aria-hidden="true"
                      className={cx('size-2 shrink-0 rounded-full', SEGMENT[severity])}
                    />
                    {SEVERITY_LABELS[severity]}
                  </span>
                  <span className="block text-lg font-semibold text-fg tabular-nums">
                    {formatCount(facets.bySeverity[severity])}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="by-tactic-heading" className="min-w-0">
        <h2 id="by-tactic-heading" className="text-xs font-medium tracking-wide text-muted uppercase">
          By ATT&amp;CK tactic
        </h2>
        {facets.byTactic.length === 0 ? (
          <p className="mt-3 text-sm text-muted">No findings under these filters.</p>
        ) : (
          <ul className="mt-2 grid gap-x-6 gap-y-0.5 sm:grid-cols-2">
            {facets.byTactic.map(({ tactic, count }) => {
              const active = tactic !== null && tactic.id === activeTactic;
              const label = tactic?.name ?? 'Not mapped (imported rules)';
              const row = (
                <>
                  <span className="flex items-baseline justify-between gap-2 text-[13px]">
                    <span className="truncate text-fg">{label}</span>
                    <span className="text-muted tabular-nums">{formatCount(count)}</span>
                  </span>
                  <span className="mt-1 block h-1.5 rounded-full bg-surface-muted" aria-hidden="true">
                    <span
                      className="block h-full rounded-full bg-accent"
                      style={{ width: `${Math.max(3, (count / tacticMax) * 100)}%` }}
                    />
                  </span>
                </>
              );
              return (
                <li key={tactic?.id ?? 'unmapped'}>
                  {tactic ? (
                    <Link
                      href={tacticHref(active ? undefined : tactic.id)}
                      aria-current={active ? 'true' : undefined}
                      className={cx(
                        'block rounded-lg px-2 py-1.5 hover:bg-surface-hover',
                        active && 'bg-accent-soft ring-1 ring-accent/30',
                      )}
                    >
                      {row}
                    </Link>
                  ) : (
                    <div className="px-2 py-1.5">{row}</div>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </Card>
  );
}
