import type { Metadata } from 'next';
import { GeoIcon } from '@/components/shell/icons';
import { SectionNotReady } from '@/components/shell/SectionNotReady';
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
      <SectionNotReady
        icon={<GeoIcon />}
        emptyTitle="No source addresses yet"
        notReadyTitle="The geography views are not in this version yet"
      >
        <p>
          Once events are ingested, each source IP is placed on the map with its country and network, so
          unusual locations stand out.
        </p>
      </SectionNotReady>
    </>
  );
}
