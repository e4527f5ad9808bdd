import Link from 'next/link';
import { Card, CardBody, CardHeader } from '@/components/ui/Card';
import { SeverityBadge } from '@/components/ui/SeverityBadge';
import { findingsHref } from '@/lib/links';
import { SEVERITIES, type Severity } from '@/lib/severity';

const BAR: Record<Severity, string> = {
  critical: 'bg-sev-critical',
  high: 'bg-sev-high',
  medium: 'bg-sev-medium',
  low: 'bg-sev-low',
  info: 'bg-sev-info',
};

/** Open findings per severity as bars, each a link to those findings in the feed. */
export function FindingsBySeverity({
  accountId,
  counts,
}: {
  accountId: string;
  counts: Record<Severity, number>;
}) {
  const order = [...SEVERITIES].reverse();
  const max = Math.max(1, ...order.map((s) => counts[s]));
  const total = order.reduce((n, s) => n + counts[s], 0);
  return (
    <Card aria-labelledby="open-findings-heading" className="break-inside-avoid">
      <CardHeader
        id="open-findings-heading"
        title="Open findings"
        description={
          total === 0
            ? 'No open findings: no detection rule has flagged anything still waiting for review.'
            : `${total} detection${total === 1 ? '' : 's'} waiting for review. Critical and high deserve attention first.`
        }
      />
      <CardBody>
        <ul className="space-y-2">
          {order.map((severity) => (
            <li key={severity} className="grid grid-cols-[5.5rem_minmax(0,1fr)_3rem] items-center gap-3">
              <SeverityBadge severity={severity} />
              <div className="h-2.5 rounded-full bg-surface-muted">
                <div
                  className={`h-2.5 rounded-full ${BAR[severity]}`}
                  style={{ width: `${(counts[severity] / max) * 100}%` }}
                />
              </div>
              <Link
                href={findingsHref({ account: accountId, severity, status: 'open' })}
                className="text-right text-sm text-accent tabular-nums hover:underline"
                aria-label={`${counts[severity]} open ${severity} findings`}
              >
                {counts[severity]}
              </Link>
            </li>
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}
