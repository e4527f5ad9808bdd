import Link from 'next/link';
import { contributionLabel } from '@/components/principals/feature-labels';
import { RiskScore } from '@/components/principals/RiskScore';
import { Badge } from '@/components/ui/Badge';
import { Card, CardHeader } from '@/components/ui/Card';
import { principalHref } from '@/lib/links';
import type { Contribution } from '@/lib/scores';

export interface TopPrincipal {
  principalId: string;
  name: string;
  principalType: string;
  riskScore: number | null;
  learning: boolean;
  /** Plain-language reasons, most important first. */
  reasons: string[];
}

export function reasonsOf(contributions: Pick<Contribution, 'feature' | 'item'>[]): string[] {
  return [...new Set(contributions.map(contributionLabel))].slice(0, 3);
}

/** The riskiest identities of the account, each with the reasons behind its score. */
export function TopPrincipals({ principals }: { principals: TopPrincipal[] }) {
  return (
    <Card aria-labelledby="top-principals-heading" className="break-inside-avoid">
      <CardHeader
        id="top-principals-heading"
        title="Riskiest identities"
        description="The users, roles and sessions whose recent activity looks least like their usual behaviour."
      />
      {principals.length === 0 ? (
        <p className="px-5 py-4 text-sm text-muted">No identity stands out.</p>
      ) : (
        <ol className="divide-y divide-line">
          {principals.map((principal) => (
            <li key={principal.principalId} className="flex items-start gap-3 px-5 py-3">
              <RiskScore score={principal.riskScore} learning={principal.learning} />
              <div className="min-w-0">
                <Link
                  href={principalHref(principal.principalId)}
                  className="font-medium break-all text-fg hover:underline"
                >
                  {principal.name}
                </Link>
                <span className="ml-2 inline-flex gap-1.5 align-middle">
                  <Badge>{principal.principalType}</Badge>
                  {principal.learning ? <Badge tone="accent">learning</Badge> : null}
                </span>
                {principal.reasons.length > 0 ? (
                  <p className="mt-0.5 text-xs text-muted">Why: {principal.reasons.join('; ')}</p>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
