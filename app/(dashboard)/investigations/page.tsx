import type { Metadata } from 'next';
import Link from 'next/link';
import { InvestigationsIcon } from '@/components/shell/icons';
import { buttonClasses } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { EmptyState } from '@/components/ui/EmptyState';
import { PageHeader } from '@/components/ui/PageHeader';
import { requirePageSession } from '@/lib/auth/guards';

export const metadata: Metadata = { title: 'Investigations' };

export default async function InvestigationsPage() {
  await requirePageSession();
  return (
    <>
      <PageHeader
        title="Investigations"
        description="Cases your team works together: findings, principals, key events and notes, shareable as a link."
      />
      <Card>
        <EmptyState
          icon={<InvestigationsIcon />}
          title="No investigations yet"
          actions={
            <Link href="/findings" className={buttonClasses('primary')}>
              Review findings
            </Link>
          }
        >
          <p>
            Start one from a finding or a principal that needs a closer look, then add the events and notes
            that tell the story.
          </p>
        </EmptyState>
      </Card>
    </>
  );
}
