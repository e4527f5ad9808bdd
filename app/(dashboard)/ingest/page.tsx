import type { Metadata } from 'next';
import { IngestIcon } from '@/components/shell/icons';
import { Card } from '@/components/ui/Card';
import { Code } from '@/components/ui/Code';
import { EmptyState } from '@/components/ui/EmptyState';
import { PageHeader } from '@/components/ui/PageHeader';
import { requirePageSession } from '@/lib/auth/guards';

export const metadata: Metadata = { title: 'Ingest' };

export default async function IngestPage() {
  await requirePageSession();
  return (
    <>
      <PageHeader
        title="Ingest"
        description="Load CloudTrail archives from a folder, an upload or an S3 bucket. Progress and errors per file show here."
      />
      <Card>
        <EmptyState icon={<IngestIcon />} title="Nothing ingested yet">
          <p>
            On the machine running Trailhound, run <Code>npx trailhound ingest &lt;path&gt;</Code> with a
            folder of CloudTrail <Code>.json.gz</Code> files or an <Code>s3://bucket/prefix</Code>. Each run
            appears here with its progress and a summary.
          </p>
        </EmptyState>
      </Card>
    </>
  );
}
