import type { Metadata } from 'next';
import Link from 'next/link';
import { PrincipalsIcon } from '@/components/shell/icons';
import { buttonClasses } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { EmptyState } from '@/components/ui/EmptyState';
import { PageHeader } from '@/components/ui/PageHeader';
import { requirePageSession } from '@/lib/auth/guards';

export const metadata: Metadata = { title: 'Principals' };

export default async function PrincipalsPage() {
  await requirePageSession();
  return (
    <>
      <PageHeader
        title="Principals"
        description="Every IAM user, role, assumed-role session and AWS service seen in your trails, ranked by risk."
      />
      <Card>
        <EmptyState
          icon={<PrincipalsIcon />}
          title="No principals yet"
          actions={
            <Link href="/ingest" className={buttonClasses('primary')}>
              Go to Ingest
            </Link>
          }
        >
          <p>
            Principals appear after the first ingest, each with a timeline, its usual countries and networks,
            and an explained risk score.
          </p>
        </EmptyState>
      </Card>
    </>
  );
}
