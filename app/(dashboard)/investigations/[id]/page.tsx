import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActivityChart } from '@/components/cases/ActivityChart';
import { AddItemForm } from '@/components/cases/AddItemForm';
import { CaseDetailsForm } from '@/components/cases/CaseDetailsForm';
import { CaseStatusBadge } from '@/components/cases/CaseStatusBadge';
import { CaseTimeline } from '@/components/cases/CaseTimeline';
import { Markdown } from '@/components/cases/Markdown';
import { MembersPanel } from '@/components/cases/MembersPanel';
import { NoteForm } from '@/components/cases/NoteForm';
import { PrincipalsList } from '@/components/cases/PrincipalsList';
import { SavedViewsList } from '@/components/cases/SavedViewsList';
import { type ShareLinkRow, SharePanel } from '@/components/cases/SharePanel';
import { TagList } from '@/components/cases/TagList';
import { buttonClasses } from '@/components/ui/Button';
import { Card, CardBody, CardHeader } from '@/components/ui/Card';
import { SeverityBadge } from '@/components/ui/SeverityBadge';
import { requirePageSession } from '@/lib/auth/guards';
import { getCaseAccess } from '@/lib/cases/access';
import { caseIdSchema } from '@/lib/cases/constants';
import { loadCaseReport } from '@/lib/cases/report-data';
import { snapshotPathOf } from '@/lib/cases/view-url';
import { getPrisma } from '@/lib/db/prisma';
import { formatUtc } from '@/lib/format';

export const metadata: Metadata = { title: 'Investigation' };

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requirePageSession();
  const id = caseIdSchema.safeParse((await params).id);
  // A case the user may not see is answered exactly like one that does not exist.
  const access = id.success ? await getCaseAccess(session, id.data) : null;
  if (!access) notFound();
  const report = await loadCaseReport(access.caseId);
  if (!report) notFound();
  const { detail } = report;
  const canEdit = access.canEdit;
  const canManage = canEdit && (access.isOwner || session.role === 'admin');

  const links = await getPrisma().shareLink.findMany({
    where: { caseId: access.caseId },
    orderBy: { createdAt: 'desc' },
    take: 50,
  });
  const creators = await getPrisma().user.findMany({
    where: { id: { in: links.flatMap((link) => (link.createdBy ? [link.createdBy] : [])) } },
    select: { id: true, email: true },
  });
  const views = detail.items.flatMap((item) => (item.kind === 'view' ? [item] : []));
  const viewLabel = new Map(views.map((view) => [view.viewUrl, view.label]));
  const now = Date.now();
  const shareRows: ShareLinkRow[] = links.map((link) => ({
    id: link.id.toString(),
    label: link.label,
    scope: link.scope === 'view' ? 'view' : 'case',
    viewLabel: link.viewUrl ? (viewLabel.get(link.viewUrl) ?? null) : null,
    createdBy: creators.find((user) => user.id === link.createdBy)?.email ?? null,
    expiresAt: link.expiresAt.toISOString(),
    state: link.revokedAt ? 'Revoked' : link.expiresAt.getTime() <= now ? 'Expired' : 'Active',
    useCount: link.useCount,
  }));
  const principals = detail.items.flatMap((item) => (item.kind === 'principal' ? [item] : []));

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-[13px] text-muted">
        <Link href="/investigations" className="hover:text-fg hover:underline">
          Investigations
        </Link>{' '}
        / Case #{detail.id}
      </nav>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight text-fg">{detail.title}</h1>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-[13px] text-muted">
            <CaseStatusBadge status={detail.status} />
            <SeverityBadge severity={detail.severity} />
            <TagList tags={detail.tags} />
            <span>
              Opened {formatUtc(detail.createdAt)} by {detail.owner ?? 'a removed user'}
            </span>
          </div>
        </div>
        <div className="flex items-center gap-2">
          <a
            href={`/api/investigations/${detail.id}/markdown`}
            className={buttonClasses('secondary')}
            download
          >
            Export Markdown
          </a>
          <Link href={`/investigations/${detail.id}/report`} className={buttonClasses('primary')}>
            Open report
          </Link>
        </div>
      </div>
      {!canEdit ? (
        <p
          role="note"
          className="mb-4 rounded-lg border border-line bg-surface-muted px-3.5 py-2.5 text-sm text-muted"
        >
          You can read this case. Viewers cannot change it.
        </p>
      ) : null}

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="min-w-0 space-y-6">
          {detail.description ? (
            <Card aria-labelledby="summary-heading">
              <CardHeader id="summary-heading" title="Summary" />
              <CardBody>
                <Markdown>{detail.description}</Markdown>
              </CardBody>
            </Card>
          ) : null}
          <Card aria-labelledby="activity-heading">
            <CardHeader
              id="activity-heading"
              title="Activity"
              description="Bookmarked events and every evidence event of the case's findings."
            />
            <CardBody>
              <ActivityChart days={report.activity} />
            </CardBody>
          </Card>
          <Card aria-labelledby="timeline-heading">
            <CardHeader
              id="timeline-heading"
              title="Timeline"
              description="Findings, bookmarked events and notes in time order."
            />
            <CaseTimeline
              entries={report.timeline}
              mode={canEdit ? { kind: 'edit', caseId: detail.id } : { kind: 'read' }}
            />
          </Card>
          {canEdit ? (
            <Card aria-labelledby="note-heading">
              <CardHeader id="note-heading" title="Add a note" />
              <CardBody>
                <NoteForm caseId={detail.id} />
              </CardBody>
            </Card>
          ) : null}
        </div>

        <div className="min-w-0 space-y-6">
          {canEdit ? (
            <Card aria-labelledby="details-heading">
              <CardHeader id="details-heading" title="Details" />
              <CardBody>
                <CaseDetailsForm
                  caseId={detail.id}
                  title={detail.title}
                  description={detail.description}
                  status={detail.status}
                  severity={detail.severity}
                  tags={detail.tags}
                />
              </CardBody>
            </Card>
          ) : null}
          <Card aria-labelledby="members-heading">
            <CardHeader id="members-heading" title="People" />
            <CardBody>
              <MembersPanel
                caseId={detail.id}
                owner={detail.owner}
                members={detail.members}
                canManage={canManage}
              />
            </CardBody>
          </Card>
          <Card aria-labelledby="principals-heading">
            <CardHeader id="principals-heading" title="Principals" />
            <CardBody>
              <PrincipalsList principals={principals} editCaseId={canEdit ? detail.id : undefined} />
            </CardBody>
          </Card>
          <Card aria-labelledby="views-heading">
            <CardHeader id="views-heading" title="Saved views" />
            <CardBody>
              <SavedViewsList views={views} editCaseId={canEdit ? detail.id : undefined} />
            </CardBody>
          </Card>
          {canEdit ? (
            <Card aria-labelledby="bookmark-heading">
              <CardHeader id="bookmark-heading" title="Bookmark by id" />
              <CardBody>
                <AddItemForm caseId={detail.id} />
              </CardBody>
            </Card>
          ) : null}
          <Card aria-labelledby="share-heading">
            <CardHeader
              id="share-heading"
              title="Share"
              description="Read-only links for people without an account. They expire and can be revoked."
            />
            <CardBody>
              <SharePanel
                caseId={detail.id}
                links={shareRows}
                views={views.flatMap((view) =>
                  snapshotPathOf(view.viewUrl) ? [{ itemId: view.id, label: view.label }] : [],
                )}
                canEdit={canEdit}
              />
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
