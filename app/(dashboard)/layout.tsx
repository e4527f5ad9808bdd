import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { Header } from '@/components/shell/Header';
import { Sidebar } from '@/components/shell/Sidebar';
import { THEME_COOKIE } from '@/lib/auth/constants';
import { requirePageSession } from '@/lib/auth/guards';
import { parseThemePreference } from '@/lib/theme';

// Layouts do not re-run on every client navigation, so each page below calls
// requirePageSession() itself as well; this call only gives the shell its user.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const session = await requirePageSession();
  const theme = parseThemePreference((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <div className="flex min-h-screen">
      <Sidebar />
      <div className="flex min-w-0 flex-1 flex-col">
        <Header email={session.email} role={session.role} theme={theme} />
        <main id="main" className="flex-1 px-8 py-8">
          <div className="mx-auto max-w-6xl">{children}</div>
        </main>
      </div>
    </div>
  );
}
