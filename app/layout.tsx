import type { Metadata, Viewport } from 'next';
import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { THEME_COOKIE } from '@/lib/auth/constants';
import { parseThemePreference } from '@/lib/theme';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Trailhound', template: '%s · Trailhound' },
  description: 'Investigate AWS CloudTrail: principals, findings, timelines and shareable investigations.',
  robots: { index: false, follow: false },
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = parseThemePreference((await cookies()).get(THEME_COOKIE)?.value);
  return (
    // theme-init.js may add "dark" before React hydrates; that difference is expected.
    <html lang="en" className={theme === 'dark' ? 'dark' : undefined} suppressHydrationWarning>
      <head>
        {/* Blocking on purpose: it must set the theme class before the first paint. */}
        <script src="/theme-init.js" />
      </head>
      <body className="min-h-screen bg-canvas font-sans text-fg antialiased">{children}</body>
    </html>
  );
}
