import type { Metadata } from 'next';
import { PrincipalsIcon } from '@/components/shell/icons';
import { SectionNotReady } from '@/components/shell/SectionNotReady';
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
      <SectionNotReady
        icon={<PrincipalsIcon />}
        emptyTitle="No principals yet"
        notReadyTitle="Principal pages are not in this version yet"
      >
        <p>
          Principals appear after the first ingest, each with a timeline, its usual countries and networks,
          and an explained risk score.
        </p>
      </SectionNotReady>
    </>
  );
}
