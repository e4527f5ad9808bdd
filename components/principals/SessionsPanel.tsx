import Link from 'next/link';
import { Badge } from '@/components/ui/Badge';
import { Card, CardHeader } from '@/components/ui/Card';
import { formatUtc } from '@/lib/format';
import { principalHref } from '@/lib/links';
import type { AssumeRoleLink } from '@/lib/queries/principals/get-role-sessions';

function sessionWindow(link: AssumeRoleLink) {
  if (!link.firstCall || !link.lastCall) return {};
  // Open the session scoped to what it did, with a minute either side.
  return {
    from: new Date(link.eventTime.getTime() - 60_000),
    to: new Date(link.lastCall.getTime() + 60_000),
  };
}

function ChainRow({ link, direction }: { link: AssumeRoleLink; direction: 'out' | 'in' }) {
  return (
    <li className="space-y-1.5 py-3">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
        {direction === 'in' ? (
          <Link
            href={principalHref(link.callerPrincipalId)}
            className="font-medium text-accent hover:underline"
          >
            {link.callerName}
          </Link>
        ) : (
          <span className="font-medium">This principal</span>
        )}
        <span className="text-muted">assumed</span>
        <span className="font-mono text-[13px] break-all">{link.roleArn ?? 'an unnamed role'}</span>
        {link.errorCode ? <Badge tone="danger">{link.errorCode}</Badge> : null}
      </div>
      <div className="text-xs text-muted">
        {formatUtc(link.eventTime)} · from {link.sourceIp ?? 'an AWS service'} · session{' '}
        <span className="font-mono">{link.sessionName ?? '—'}</span>
      </div>
      {link.sessionPrincipalId ? (
        <div className="rounded-lg border border-line bg-surface-muted px-3 py-2 text-xs">
          <Link
            href={principalHref(link.sessionPrincipalId, sessionWindow(link))}
            className="font-medium text-accent hover:underline"
          >
            Open the session&apos;s timeline
          </Link>
          <span className="text-muted">
            {' '}
            · {link.calls.toLocaleString('en')} calls
            {link.firstCall && link.lastCall
              ? ` from ${formatUtc(link.firstCall)} to ${formatUtc(link.lastCall)}`
              : ''}
          </span>
          {link.topCalls.length > 0 ? (
            <div className="mt-1 text-muted">
              Mostly: <span className="font-mono text-fg">{link.topCalls.join(', ')}</span>
              {link.ips.length > 0 ? <> · from {link.ips.join(', ')}</> : null}
            </div>
          ) : null}
        </div>
      ) : link.errorCode ? null : (
        <p className="text-xs text-subtle">The session&apos;s own calls are not in the loaded trails.</p>
      )}
    </li>
  );
}

/** AssumeRole chains: who created this session, and the roles this principal went on to assume. */
export function SessionsPanel({
  origins,
  assumed,
}: {
  origins: AssumeRoleLink[];
  assumed: AssumeRoleLink[];
}) {
  return (
    <Card aria-labelledby="sessions-heading">
      <CardHeader
        id="sessions-heading"
        title="Role sessions"
        description="Who assumed which role, from where, and what each session then did."
      />
      <div className="px-5 py-2">
        {origins.length === 0 && assumed.length === 0 ? (
          <p className="py-4 text-sm text-muted">
            No AssumeRole calls by or into this principal in the scope.
          </p>
        ) : null}
        {origins.length > 0 ? (
          <section aria-label="How this session started">
            <h3 className="pt-2 text-xs font-semibold tracking-wide text-muted uppercase">
              How this session started
            </h3>
            <ul className="divide-y divide-line">
              {origins.map((link) => (
                <ChainRow key={`${link.accountId}:${link.eventId}`} link={link} direction="in" />
              ))}
            </ul>
          </section>
        ) : null}
        {assumed.length > 0 ? (
          <section aria-label="Roles this principal assumed">
            <h3 className="pt-2 text-xs font-semibold tracking-wide text-muted uppercase">
              Roles it assumed
            </h3>
            <ul className="divide-y divide-line">
              {assumed.map((link) => (
                <ChainRow key={`${link.accountId}:${link.eventId}`} link={link} direction="out" />
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </Card>
  );
}
