import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CaseReportView } from '@/components/cases/CaseReportView';
import { PrintButton } from '@/components/cases/PrintButton';
import { buttonClasses } from '@/components/ui/Button';
import { recordAudit } from '@/lib/auth/audit';
import { requirePageSession } from '@/lib/auth/guards';
import { getCaseAccess } from '@/lib/cases/access';
import { caseIdSchema } from '@/lib/cases/constants';
import { loadCaseReport } from '@/lib/cases/report-data';
import { caseHref } from '@/lib/links';

export const metadata: Metadata = { title: 'Case report' };

// Outside the dashboard group on purpose: no sidebar or header, so the page prints as a document
// (the browser's "Save as PDF" is the PDF export). The guard is the same as the case page's.
export default async function CaseReportPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requirePageSession();
  const id = caseIdSchema.safeParse((await params).id);
  const access = id.success ? await getCaseAccess(session, id.data) : null;
  if (!access) notFound();
  const report = await loadCaseReport(access.caseId);
  if (!report) notFound();
  await recordAudit({
    actor: { id: session.userId, email: session.email },
    action: 'case.export',
    targetType: 'case',
    targetId: report.detail.id,
    detail: { format: 'html' },
  });
  return (
    <div className="min-h-screen bg-canvas print:bg-white">
      <div className="mx-auto flex max-w-4xl items-center justify-between gap-4 px-8 pt-6 print:hidden">
        <Link href={caseHref(report.detail.id)} className={buttonClasses('ghost')}>
          ← Back to the case
        </Link>
        <PrintButton />
      </div>
      <main className="mx-auto my-6 max-w-4xl rounded-xl border border-line bg-surface px-10 py-8 shadow-xs print:my-0 print:max-w-none print:border-0 print:px-0 print:py-0 print:shadow-none">
        <p className="mb-4 text-xs tracking-wide text-muted uppercase">
          Trailhound investigation report · Case #{report.detail.id}
        </p>
        <CaseReportView report={report} />
      </main>
    </div>
  );
}
