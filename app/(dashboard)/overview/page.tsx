import type { Metadata } from 'next';
import { OverviewIcon } from '@/components/shell/icons';
import { SectionNotReady } from '@/components/shell/SectionNotReady';
import { Code } from '@/components/ui/Code';
import { PageHeader } from '@/components/ui/PageHeader';
import { requirePageSession } from '@/lib/auth/guards';

export const metadata: Metadata = { title: 'Overview' };

export default async function OverviewPage() {
  await requirePageSession();
  return (
    <>
      <PageHeader
        title="Overview"
        description="Risk by account, open findings by severity, and the principals that need a look first."
      />
      <SectionNotReady
        icon={<OverviewIcon />}
        emptyTitle="No events yet"
        notReadyTitle="The overview dashboards are not in this version yet"
      >
        <p>
          Trailhound fills this page once it has CloudTrail events to analyse. Go to Ingest to upload
          CloudTrail archives, or run <Code>npx trailhound ingest &lt;path&gt;</Code> on the server.
        </p>
      </SectionNotReady>
    </>
  );
}
