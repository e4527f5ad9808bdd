import Link from 'next/link';
import type { ReactNode } from 'react';
import { buttonClasses } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { EmptyState } from '@/components/ui/EmptyState';
import { getLoadedEventCount } from '@/lib/queries/events/get-loaded-event-count';

/**
 * The body of a section whose views this version does not have yet. It never claims the
 * database is empty when it is not: with events loaded it says so, and points to Ingest.
 */
export async function SectionNotReady({
  icon,
  emptyTitle,
  notReadyTitle,
  children,
}: {
  icon: ReactNode;
  emptyTitle: string;
  /** Shown once events are loaded, e.g. "The findings feed is not in this version yet". */
  notReadyTitle: string;
  /** What to do when nothing is loaded yet. */
  children: ReactNode;
}) {
  const loaded = await getLoadedEventCount();
  const actions = (
    <Link href="/ingest" className={buttonClasses(loaded ? 'secondary' : 'primary')}>
      Go to Ingest
    </Link>
  );
  return (
    <Card>
      {loaded ? (
        <EmptyState icon={icon} title={notReadyTitle} actions={actions}>
          <p>
            {loaded.toLocaleString('en-US')} events are loaded and stored. The Ingest page lists every job,
            its files and any records that were rejected.
          </p>
        </EmptyState>
      ) : (
        <EmptyState icon={icon} title={emptyTitle} actions={actions}>
          {children}
        </EmptyState>
      )}
    </Card>
  );
}
