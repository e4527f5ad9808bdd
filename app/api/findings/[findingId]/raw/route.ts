import { requireApiSession } from '@/lib/auth/guards';
import { getPool } from '@/lib/db/pg-pool';
import { getPrisma } from '@/lib/db/prisma';
import { parseFindingId } from '@/lib/findings/status';
import { readRawRecord } from '@/lib/ingest/raw-record';

const NO_STORE = { 'Cache-Control': 'no-store' };

function notFound(message: string): Response {
  return Response.json({ error: 'not_found', message }, { status: 404, headers: NO_STORE });
}

/**
 * GET /api/findings/<id>/raw?account=<accountId>&event=<eventID>: one evidence event's record as
 * CloudTrail delivered it, for the raw-JSON view. Any role. Only events of that finding's
 * evidence are served, so the route is not a general event reader. The body is JSON (served as
 * application/json with nosniff), and the page renders it as text.
 */
export async function GET(request: Request, { params }: { params: Promise<{ findingId: string }> }) {
  const session = await requireApiSession(request);
  if (session instanceof Response) return session;
  const findingId = parseFindingId((await params).findingId);
  const url = new URL(request.url);
  const accountId = url.searchParams.get('account') ?? '';
  const eventId = url.searchParams.get('event') ?? '';
  if (findingId === null || !accountId || !eventId) return notFound('No such evidence event.');

  const evidence = await getPrisma().findingEvent.findUnique({
    where: { findingId_accountId_eventId: { findingId, accountId, eventId } },
    select: { eventId: true },
  });
  if (!evidence) return notFound('That event is not evidence of this finding.');
  const record = await readRawRecord(getPool(), accountId, eventId);
  if (!record) return notFound('The event is not stored (it may have been deleted or not loaded yet).');
  return Response.json(record, { headers: { ...NO_STORE, 'X-Content-Type-Options': 'nosniff' } });
}
