import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/LoginForm';
import { Logo } from '@/components/shell/icons';
import { Code } from '@/components/ui/Code';
import { getCurrentSession } from '@/lib/auth/current-session';
import { safeNextPath } from '@/lib/auth/next-path';

export const metadata: Metadata = { title: 'Sign in' };

// Public by design (proxy.ts lets /login through); a signed-in visitor goes straight on.
export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const { next } = await searchParams;
  const nextPath = safeNextPath(Array.isArray(next) ? next[0] : next);
  if (await getCurrentSession()) redirect(nextPath);

  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-6 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          <Logo className="size-11" />
          <h1 className="mt-5 text-xl font-semibold tracking-tight text-fg">Sign in to Trailhound</h1>
          <p className="mt-1.5 text-sm text-muted">Investigate AWS CloudTrail activity with your team.</p>
        </div>
        <div className="rounded-xl border border-line bg-surface p-6 shadow-sm">
          <LoginForm next={nextPath} />
        </div>
        <p className="mt-6 text-center text-[13px] leading-5 text-muted">
          Accounts are created by a Trailhound admin. Forgot your password? Ask an admin, or run{' '}
          <Code>npx trailhound user reset-password &lt;email&gt;</Code> on the server.
        </p>
      </div>
    </main>
  );
}
