import Link from 'next/link';
import type { ReactNode } from 'react';
import { SeverityBadge } from '@/components/ui/SeverityBadge';
import { formatNumber, formatShare } from '@/lib/format';
import { eventsHref, findingsHref } from '@/lib/links';
import type { TimeRange } from '@/lib/overview/time-range';
import type { OverviewKpis } from '@/lib/queries/overview/get-overview-kpis';
import { SEVERITIES } from '@/lib/severity';

function Kpi({
  label,
  href,
  value,
  children,
}: {
  label: string;
  href: string;
  value: string;
  children?: ReactNode;
}) {
  return (
    <Link
      href={href}
      className="group rounded-xl border border-line bg-surface px-4 py-3.5 shadow-xs transition-colors hover:border-line-strong hover:bg-surface-hover/40"
    >
      <span className="block text-xs font-medium tracking-wide text-muted uppercase">{label}</span>
      <span className="mt-1 block text-2xl font-semibold tracking-tight text-fg tabular-nums group-hover:text-accent">
        {value}
      </span>
      {children ? <span className="mt-1 block text-xs text-muted">{children}</span> : null}
    </Link>
  );
}

/** The five headline figures of the range; each opens the rows it counts. */
export function KpiCards({ kpis, range }: { kpis: OverviewKpis; range: TimeRange }) {
  const openTotal = SEVERITIES.reduce((sum, severity) => sum + kpis.openFindings[severity], 0);
  const open = SEVERITIES.filter((severity) => kpis.openFindings[severity] > 0).reverse();
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-5">
      <Kpi label="Events" href={eventsHref(range)} value={formatNumber(kpis.events)}>
        {formatNumber(kpis.accessDenied)} access denied
      </Kpi>
      <Kpi label="Principals" href="#top-principals" value={formatNumber(kpis.principals)}>
        users, roles and services that called
      </Kpi>
      <Kpi label="Accounts" href="#accounts" value={formatNumber(kpis.accounts)}>
        AWS accounts with events
      </Kpi>
      <Kpi
        label="Open findings"
        href={findingsHref({ ...range, status: 'open' })}
        value={formatNumber(openTotal)}
      >
        {open.length ? (
          <span className="flex flex-wrap gap-1">
            {open.map((severity) => (
              <span key={severity} className="inline-flex items-center gap-1">
                <SeverityBadge severity={severity} />
                <span className="tabular-nums">{formatNumber(kpis.openFindings[severity])}</span>
              </span>
            ))}
          </span>
        ) : (
          'nothing open in this range'
        )}
      </Kpi>
      <Kpi
        label="Events with errors"
        href={eventsHref({ ...range, error: '*' })}
        value={formatNumber(kpis.errors)}
      >
        {formatShare(kpis.errors, kpis.events)} of all events
      </Kpi>
    </div>
  );
}
