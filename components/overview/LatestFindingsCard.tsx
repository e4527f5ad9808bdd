import Link from 'next/link';
import { buttonClasses } from '@/components/ui/Button';
import { Card, CardHeader } from '@/components/ui/Card';
import { SeverityBadge } from '@/components/ui/SeverityBadge';
import { formatUtc } from '@/lib/format';
import { findingHref, findingsHref } from '@/lib/links';
import type { TimeRange } from '@/lib/overview/time-range';
import type { LatestFinding } from '@/lib/queries/overview/get-latest-findings';

export function LatestFindingsCard({ findings, range }: { findings: LatestFinding[]; range: TimeRange }) {
  return (
    <Card aria-labelledby="latest-findings">
      <CardHeader
        id="latest-findings"
        title="Latest findings"
        description="What the detection rules raised in this range, newest first."
        actions={
          <Link href={findingsHref(range)} className={buttonClasses('ghost', 'sm')}>
            All findings
          </Link>
        }
      />
      {findings.length === 0 ? (
        <p className="px-5 py-8 text-center text-sm text-muted">
          No findings in this range. Detections run after each ingest job.
        </p>
      ) : (
        <ul className="divide-y divide-line">
          {findings.map((finding) => (
            <li key={finding.id} className="flex items-start gap-3 px-5 py-3 hover:bg-surface-hover/40">
              <SeverityBadge severity={finding.severity} className="mt-0.5" />
              <div className="min-w-0 flex-1">
                <Link
                  href={findingHref(finding.id)}
                  className="block truncate text-sm font-medium text-fg hover:text-accent hover:underline"
                >
                  {finding.title}
                </Link>
                <p className="truncate text-xs text-subtle">
                  {finding.ruleId} · {finding.principalName ?? 'unknown principal'} · {finding.accountId} ·{' '}
                  {formatUtc(finding.lastSeen)}
                  {finding.status !== 'open' ? ` · ${finding.status.replace('_', ' ')}` : ''}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
