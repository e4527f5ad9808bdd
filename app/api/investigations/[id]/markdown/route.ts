import { recordAudit } from '@/lib/auth/audit';
import { requireApiSession } from '@/lib/auth/guards';
import { getCaseAccess } from '@/lib/cases/access';
import { caseIdSchema } from '@/lib/cases/constants';
import { loadCaseReport } from '@/lib/cases/report-data';
import { renderCaseMarkdown } from '@/lib/cases/report-markdown';

const NO_STORE = { 'Cache-Control': 'no-store' };

/** GET /api/investigations/<id>/markdown: the case report as a Markdown download. Any role that can see the case. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await requireApiSession(request);
  if (session instanceof Response) return session;
  const id = caseIdSchema.safeParse((await params).id);
  const access = id.success ? await getCaseAccess(session, id.data) : null;
  const report = access ? await loadCaseReport(access.caseId) : null;
  if (!report) {
    return Response.json(
      { error: 'not_found', message: 'No such case.' },
      { status: 404, headers: NO_STORE },
    );
  }
  await recordAudit({
    actor: { id: session.userId, email: session.email },
    action: 'case.export',
    targetType: 'case',
    targetId: report.detail.id,
    detail: { format: 'markdown' },
  });
  return new Response(renderCaseMarkdown(report), {
    headers: {
      ...NO_STORE,
      'Content-Type': 'text/markdown; charset=utf-8',
      'Content-Disposition': `attachment; filename="trailhound-case-${report.detail.id}.md"`,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
