import type { Metadata } from 'next';
import Link from 'next/link';
import { EventsIcon } from '@/components/shell/icons';
import { buttonClasses } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { Code } from '@/components/ui/Code';
import { EmptyState } from '@/components/ui/EmptyState';
import { PageHeader } from '@/components/ui/PageHeader';
import { requirePageSession } from '@/lib/auth/guards';

export const metadata: Metadata = { title: 'Events' };

export default async function EventsPage() {
  await requirePageSession();
  return (
    <>
      <PageHeader
        title="Events"
        description="Search every CloudTrail event by access key, principal, IP, event name or error code."
      />
      <Card>
        <EmptyState
          icon={<EventsIcon />}
          title="No events to search"
          actions={
            <Link href="/ingest" className={buttonClasses('primary')}>
              Go to Ingest
            </Link>
          }
        >
          <p>
            Load a trail first: upload archives on the Ingest page, or run{' '}
            <Code>npx trailhound ingest &lt;path&gt;</Code> with a folder of <Code>.json.gz</Code> files or an{' '}
            <Code>s3://bucket/prefix</Code>.
          </p>
        </EmptyState>
      </Card>
    </>
  );
}
