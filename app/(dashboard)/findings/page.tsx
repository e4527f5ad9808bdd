import type { Metadata } from 'next';
import { FindingsIcon } from '@/components/shell/icons';
import { SectionNotReady } from '@/components/shell/SectionNotReady';
import { PageHeader } from '@/components/ui/PageHeader';
import { SeverityBadge } from '@/components/ui/SeverityBadge';
import { requirePageSession } from '@/lib/auth/guards';
import { SEVERITIES } from '@/lib/severity';

export const metadata: Metadata = { title: 'Findings' };

export default async function FindingsPage() {
  await requirePageSession();
  return (
    <>
      <PageHeader
        title="Findings"
        description="What the detection rules flagged, newest first, with triage notes and the evidence behind each one."
      />
      <SectionNotReady
        icon={<FindingsIcon />}
        emptyTitle="No findings"
        notReadyTitle="The findings feed is not in this version yet"
      >
        <p>
          Detection rules run after every ingest. When one matches, its finding shows up here by severity:
        </p>
        <p className="flex flex-wrap justify-center gap-1.5 pt-1">
          {SEVERITIES.map((severity) => (
            <SeverityBadge key={severity} severity={severity} />
          ))}
        </p>
      </SectionNotReady>
    </>
  );
}
