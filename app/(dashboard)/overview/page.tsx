import type { Metadata } from 'next';
import Link from 'next/link';
import { OverviewIcon } from '@/components/shell/icons';
import { buttonClasses } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { Code } from '@/components/ui/Code';
import { EmptyState } from '@/components/ui/EmptyState';
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
      <Card>
        <EmptyState
          icon={<OverviewIcon />}
          title="No events yet"
          actions={
            <Link href="/ingest" className={buttonClasses('primary')}>
              Go to Ingest
            </Link>
          }
        >
          <p>
            Trailhound fills this page once it has CloudTrail events to analyse. Go to Ingest to upload
            CloudTrail archives, or run <Code>npx trailhound ingest &lt;path&gt;</Code> on the server.
          </p>
        </EmptyState>
      </Card>
    </>
  );
}
