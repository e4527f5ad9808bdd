import Link from 'next/link';
import { AddToCase } from '@/components/cases/AddToCase';
import { Badge } from '@/components/ui/Badge';
import { formatUtc } from '@/lib/format';
import { accountHref } from '@/lib/links';
import type { PrincipalSummary } from '@/lib/queries/principals/get-principal';

/** Who this is: name, type, account, ARN, and the span of its activity in the trails. */
export function PrincipalHeader({ principal, learning }: { principal: PrincipalSummary; learning: boolean }) {
  return (
    <div className="mb-6">
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-muted">
        <Link href="/principals" className="hover:text-fg hover:underline">
          Principals
        </Link>{' '}
        / <span className="text-fg">{principal.name}</span>
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight break-all text-fg">{principal.name}</h1>
        <Badge>{principal.principalType}</Badge>
        {learning ? (
          <Badge tone="accent" className="cursor-help">
            <span title="Less than 14 days of history: unusual activity is shown but not scored as alarming yet.">
              learning
            </span>
          </Badge>
        ) : null}
        <span className="ml-auto print:hidden">
          <AddToCase
            target={{ kind: 'principal', principalId: principal.id }}
            name={`principal ${principal.name}`}
          />
        </span>
      </div>
      <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm text-muted">
        <div>
          <dt className="inline">Account </dt>
          <dd className="inline">
            <Link href={accountHref(principal.accountId)} className="font-mono text-accent hover:underline">
              {principal.accountId}
            </Link>
          </dd>
        </div>
        {principal.arn ? (
          <div className="min-w-0">
            <dt className="inline">ARN </dt>
            <dd className="inline font-mono text-xs break-all text-fg">{principal.arn}</dd>
          </div>
        ) : null}
        {principal.firstSeen && principal.lastSeen ? (
          <div>
            <dt className="inline">Active </dt>
            <dd className="inline">
              {formatUtc(principal.firstSeen)} – {formatUtc(principal.lastSeen)}
            </dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}
