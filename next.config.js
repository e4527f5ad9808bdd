import { PHASE_DEVELOPMENT_SERVER } from 'next/constants.js';

/**
 * Without per-request nonces, Next's inline bootstrap scripts need 'unsafe-inline'; everything
 * else is locked to this origin. React needs 'unsafe-eval' only in development (error overlays).
 * Styles allow inline because recharts and React set style attributes.
 */
function contentSecurityPolicy(isDev) {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** @type {(phase: string) => import('next').NextConfig} */
export default function nextConfig(phase) {
  const isDev = phase === PHASE_DEVELOPMENT_SERVER;
  return {
    poweredByHeader: false,
    // `npm test` type-checks the whole repository with tsc; repeating it inside `next build` only
    // slows the first `npm start` on a 2-core laptop and would check tests and scripts as well.
    typescript: { ignoreBuildErrors: true },
    reactStrictMode: true,
    // forbidden() in lib/auth/guards.ts renders app/**/forbidden.tsx with a 403.
    experimental: { authInterrupts: true },
    async headers() {
      return [
        {
          source: '/:path*',
          headers: [
            { key: 'Content-Security-Policy', value: contentSecurityPolicy(isDev) },
            { key: 'X-Content-Type-Options', value: 'nosniff' },
            { key: 'X-Frame-Options', value: 'DENY' },
            { key: 'Referrer-Policy', value: 'same-origin' },
            { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
          ],
        },
      ];
    },
  };
}
