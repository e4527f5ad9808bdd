import Link from 'next/link';
import { buttonClasses } from '@/components/ui/Button';

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-6 text-center">
      <p className="text-sm font-semibold text-accent">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">This page does not exist</h1>
      <p className="mt-2 max-w-md text-sm text-muted">
        The link may be mistyped, or what it pointed to was removed.
      </p>
      <Link href="/overview" className={buttonClasses('secondary', 'md', 'mt-6')}>
        Back to Overview
      </Link>
    </main>
  );
}
