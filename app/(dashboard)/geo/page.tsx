import type { Metadata } from 'next';
import Link from 'next/link';
import { GeoIcon } from '@/components/shell/icons';
import { buttonClasses } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { EmptyState } from '@/components/ui/EmptyState';
import { PageHeader } from '@/components/ui/PageHeader';
import { requirePageSession } from '@/lib/auth/guards';

export const metadata: Metadata = { title: 'Geography' };

export default async function GeographyPage() {
  await requirePageSession();
  return (
    <>
      <PageHeader
        title="Geography"
        description="Where API calls come from: countries, networks (ASNs) and the principals behind each source address."
      />
      <Card>
        <EmptyState
          icon={<GeoIcon />}
          title="No source addresses yet"
          actions={
            <Link href="/ingest" className={buttonClasses('primary')}>
              Go to Ingest
            </Link>
          }
        >
          <p>
            Once events are ingested, each source IP is placed on the map with its country and network, so
            unusual locations stand out.
          </p>
        </EmptyState>
      </Card>
    </>
  );
}
