import Link from 'next/link';
import { buttonClasses } from '@/components/ui/Button';

// Fallback for forbidden() outside the dashboard shell; pages inside it use (dashboard)/forbidden.tsx.
export default function Forbidden() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-6 text-center">
      <p className="text-sm font-semibold text-accent">403</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">You don't have access to this page</h1>
      <p className="mt-2 max-w-md text-sm text-muted">Ask a Trailhound admin if you need it.</p>
      <Link href="/overview" className={buttonClasses('secondary', 'md', 'mt-6')}>
        Back to Overview
      </Link>
    </main>
  );
}
