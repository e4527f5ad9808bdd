import { type NextRequest, NextResponse } from 'next/server';
import { REQUEST_PATH_HEADER, SESSION_COOKIE } from '@/lib/auth/constants';

// A cheap first line only: it turns away requests that carry no session cookie at all. Whether a
// cookie is valid, and whether its role may do something, is decided in every page, route
// handler and server action (lib/auth/guards.ts); this file never touches the database.

const PUBLIC_PREFIXES = ['/login', '/api/health', '/share/'];

function isPublic(pathname: string): boolean {
  return PUBLIC_PREFIXES.some(
    (prefix) => pathname === prefix || pathname.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`),
  );
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // Lets server components build /login?next=... without access to the URL. Always overwritten,
  // so a client cannot inject it (and the login page validates it anyway).
  const forwarded = new Headers(request.headers);
  forwarded.set(REQUEST_PATH_HEADER, `${pathname}${search}`);
  const pass = () => NextResponse.next({ request: { headers: forwarded } });

  if (isPublic(pathname) || request.cookies.has(SESSION_COOKIE)) return pass();

  // Server actions can be posted to any page path, so they are recognised by header, not by URL.
  const isAction = request.method === 'POST' && request.headers.has('next-action');
  if (isAction || pathname.startsWith('/api/')) {
    return NextResponse.json(
      { error: 'unauthorized' },
      { status: 401, headers: { 'Cache-Control': 'no-store' } },
    );
  }
  const login = new URL('/login', request.url);
  if (pathname !== '/') login.searchParams.set('next', `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  // Static assets never need a session; everything else, pages and /api alike, passes through.
  // Except upload bodies: Next buffers the whole body of every request a proxy matches in memory,
  // and silently cuts it at 10 MB (proxyClientMaxBodySize), which would truncate a streamed
  // upload. Those route handlers check the session themselves, as every handler does.
  matcher: ['/((?!_next/|__nextjs|favicon.ico|icon.svg|robots.txt|theme-init.js|api/uploads/).*)'],
};
