import { requireApiSession } from '@/lib/auth/guards';
import { getPool } from '@/lib/db/pg-pool';
import { readRawRecord } from '@/lib/ingest/raw-record';

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * GET /api/events/<account>/<eventId>/raw: the record exactly as CloudTrail delivered it, read
 * back from its file (lib/ingest/raw-record.ts). Any role may read events.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ accountId: string; eventId: string }> },
) {
  const session = await requireApiSession(request);
  if (session instanceof Response) return session;
  const { accountId, eventId } = await params;
  const record = await readRawRecord(getPool(), accountId, eventId);
  if (!record) {
    return Response.json(
      { error: 'not_found', message: 'No such event.' },
      { status: 404, headers: NO_STORE },
    );
  }
  return Response.json(record, { headers: NO_STORE });
}
