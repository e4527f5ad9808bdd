import { requireApiSession } from '@/lib/auth/guards';
import { loadJobSnapshot } from '@/lib/ingest-runner/job-snapshot';
import { parseJobId } from '@/lib/queries/ingest/types';

const NO_STORE = { 'Cache-Control': 'no-store' };

/** GET /api/ingest/jobs/<id>: the live state of one job, polled by the progress panel. Any role. */
export async function GET(request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  const session = await requireApiSession(request);
  if (session instanceof Response) return session;
  const jobId = parseJobId((await params).jobId);
  const snapshot = jobId === null ? null : await loadJobSnapshot(jobId);
  if (!snapshot) {
    return Response.json(
      { error: 'not_found', message: 'No such ingest job.' },
      { status: 404, headers: NO_STORE },
    );
  }
  return Response.json(snapshot, { headers: NO_STORE });
}
