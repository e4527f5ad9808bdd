import { getPrisma } from '@/lib/db/prisma';

// Public on purpose (proxy.ts lets it through, no guard): load balancers and the e2e launcher
// poll it. It says only whether the app and its database answer, nothing about the data.
export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    await getPrisma().$queryRaw`SELECT 1`;
    return Response.json({ ok: true, db: 'up' }, { headers: { 'Cache-Control': 'no-store' } });
  } catch {
    return Response.json(
      { ok: false, db: 'down' },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    );
  }
}
