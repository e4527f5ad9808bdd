import { requireApiSession } from '@/lib/auth/guards';

export async function GET(request: Request) {
  const session = await requireApiSession(request);
  if (session instanceof Response) return session;
  return Response.json(
    { email: session.email, role: session.role },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
