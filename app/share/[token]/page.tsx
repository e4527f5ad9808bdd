import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { CaseReportView } from '@/components/cases/CaseReportView';
import { ViewSnapshotView } from '@/components/cases/ViewSnapshotView';
import { Logo } from '@/components/shell/icons';
import { recordAudit } from '@/lib/auth/audit';
import { clientIp } from '@/lib/auth/request-meta';
import { loadCaseReport } from '@/lib/cases/report-data';
import { resolveShareToken, type ShareResolution } from '@/lib/cases/share-links';
import { loadViewSnapshot } from '@/lib/cases/view-snapshot';
import { formatUtc } from '@/lib/format';

// Public: proxy.ts lets /share/ through without a session. The token is the only credential, so
// the page shows exactly what the link covers, has no navigation and no links into the app, and
// tells the browser not to send this URL (with its token) as a referrer anywhere.
export const metadata: Metadata = {
  title: 'Shared investigation',
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
};

function Shell({ children, banner }: { children: ReactNode; banner?: ReactNode }) {
  return (
    <div className="min-h-screen bg-canvas print:bg-white">
      <header className="border-b border-line bg-surface px-8 py-3 print:hidden">
        <div className="mx-auto flex max-w-4xl items-center justify-between gap-4">
          <span className="flex items-center gap-2 text-sm font-semibold text-fg">
            <Logo className="size-5" /> Trailhound
          </span>
          {banner}
        </div>
      </header>
      <main className="mx-auto max-w-4xl px-8 py-8">{children}</main>
    </div>
  );
}

const REFUSALS: Record<Exclude<ShareResolution['status'], 'ok'>, { title: string; text: string }> = {
  expired: {
    title: 'This link has expired',
    text: 'Share links work for a limited time. Ask the person who sent it for a new one.',
  },
  revoked: {
    title: 'This link was revoked',
    text: 'Whoever shared it has turned it off. Ask them for a new link if you still need access.',
  },
  invalid: {
    title: 'This link does not work',
    text: 'It may have been copied incompletely. Check the address, or ask for a new link.',
  },
};

export default async function SharePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const resolution = await resolveShareToken(token);
  const requestHeaders = await headers();
  const visitor = {
    ip: clientIp(requestHeaders),
    userAgent: requestHeaders.get('user-agent')?.slice(0, 300) ?? null,
  };

  if (resolution.status !== 'ok') {
    await recordAudit({
      actor: null,
      action: 'share.refused',
      targetType: 'share_link',
      detail: { reason: resolution.status, ...visitor },
    });
    const refusal = REFUSALS[resolution.status];
    return (
      <Shell>
        <div
          role="alert"
          className="mx-auto mt-16 max-w-lg rounded-xl border border-line bg-surface px-8 py-10 text-center shadow-xs"
        >
          <h1 className="text-xl font-semibold text-fg">{refusal.title}</h1>
          <p className="mt-2 text-sm leading-6 text-muted">{refusal.text}</p>
          {resolution.status === 'expired' ? (
            <p className="mt-2 text-[13px] text-subtle">It expired on {formatUtc(resolution.expiredAt)}.</p>
          ) : null}
        </div>
      </Shell>
    );
  }

  const { share } = resolution;
  await recordAudit({
    actor: null,
    action: 'share.view',
    targetType: 'case',
    targetId: share.caseId.toString(),
    detail: { linkId: share.id.toString(), scope: share.scope, label: share.label, ...visitor },
  });
  const banner = (
    <p className="text-[13px] text-muted">
      Read-only, shared for <span className="font-medium text-fg">{share.label}</span> · expires{' '}
      {formatUtc(share.expiresAt)}
    </p>
  );

  if (share.scope === 'view' && share.viewUrl) {
    const snapshot = await loadViewSnapshot(share.viewUrl);
    return (
      <Shell banner={banner}>
        {snapshot ? (
          <ViewSnapshotView snapshot={snapshot} label={share.label} />
        ) : (
          <p>This view can no longer be shown.</p>
        )}
      </Shell>
    );
  }
  const report = await loadCaseReport(share.caseId);
  return (
    <Shell banner={banner}>
      {report ? (
        <div className="rounded-xl border border-line bg-surface px-10 py-8 shadow-xs">
          <CaseReportView report={report} shared />
        </div>
      ) : (
        <p>This case no longer exists.</p>
      )}
    </Shell>
  );
}
