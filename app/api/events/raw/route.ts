import { z } from 'zod';
import { requireApiSession } from '@/lib/auth/guards';
import { getPool } from '@/lib/db/pg-pool';
import { readRawRecord } from '@/lib/ingest/raw-record';

const NO_STORE = { 'Cache-Control': 'no-store' };

const querySchema = z.object({
  account: z.string().min(1).max(64),
  id: z.string().min(1).max(512),
});

/**
 * GET /api/events/raw?account=<accountId>&id=<eventId>: the record as CloudTrail delivered it,
 * for the raw-JSON drawer. Any signed-in role: it is the same event the lists already show.
 */
export async function GET(request: Request) {
  const session = await requireApiSession(request);
  if (session instanceof Response) return session;
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    return Response.json(
      { error: 'invalid_request', message: 'Give the event as ?account=<account id>&id=<event id>.' },
      { status: 400, headers: NO_STORE },
    );
  }
  const record = await readRawRecord(getPool(), parsed.data.account, parsed.data.id);
  if (!record) {
    return Response.json(
      { error: 'not_found', message: 'No such event is stored.' },
      { status: 404, headers: NO_STORE },
    );
  }
  return Response.json({ record }, { headers: NO_STORE });
}
