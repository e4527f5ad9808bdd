import type { Metadata } from 'next';
import { EventsIcon } from '@/components/shell/icons';
import { SectionNotReady } from '@/components/shell/SectionNotReady';
import { Code } from '@/components/ui/Code';
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
      <SectionNotReady
        icon={<EventsIcon />}
        emptyTitle="No events to search"
        notReadyTitle="The events explorer is not in this version yet"
      >
        <p>
          Load a trail first: upload archives on the Ingest page, or run{' '}
          <Code>npx trailhound ingest &lt;path&gt;</Code> with a folder of <Code>.json.gz</Code> files or an{' '}
          <Code>s3://bucket/prefix</Code>.
        </p>
      </SectionNotReady>
    </>
  );
}
