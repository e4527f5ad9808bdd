import Link from 'next/link';
import { Badge } from '@/components/ui/Badge';
import { Card, CardHeader } from '@/components/ui/Card';
import { SeverityBadge } from '@/components/ui/SeverityBadge';
import { formatUtc } from '@/lib/format';
import { findingHref, findingsHref } from '@/lib/links';
import type { PrincipalFinding } from '@/lib/queries/principals/get-principal-findings';

/** What the detection rules concluded about this principal, most severe first. */
export function PrincipalFindings({
  findings,
  principalId,
}: {
  findings: PrincipalFinding[];
  principalId: string;
}) {
  return (
    <Card aria-labelledby="findings-heading">
      <CardHeader
        id="findings-heading"
        title="Findings"
        description="Detections about this principal, whatever the scope."
        actions={
          findings.length > 0 ? (
            <Link
              href={findingsHref({ principal: principalId })}
              className="text-sm text-accent hover:underline"
            >
              All in the findings feed
            </Link>
          ) : undefined
        }
      />
      {findings.length === 0 ? (
        <p className="px-5 py-4 text-sm text-muted">No findings for this principal.</p>
      ) : (
        <ul className="divide-y divide-line">
          {findings.map((finding) => (
            <li key={finding.id} className="flex items-start gap-3 px-5 py-3">
              <SeverityBadge severity={finding.severity} className="mt-0.5" />
              <div className="min-w-0 flex-1">
                <Link href={findingHref(finding.id)} className="text-sm font-medium text-fg hover:underline">
                  {finding.title}
                </Link>
                <p className="mt-0.5 text-xs text-muted">{finding.summary}</p>
              </div>
              <div className="shrink-0 text-right text-xs text-muted">
                <Badge>{finding.status.replace('_', ' ')}</Badge>
                <div className="mt-1">{formatUtc(finding.lastSeen)}</div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
