import type { Metadata } from 'next';
import Link from 'next/link';
import { FindingsIcon } from '@/components/shell/icons';
import { buttonClasses } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { EmptyState } from '@/components/ui/EmptyState';
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
      <Card>
        <EmptyState
          icon={<FindingsIcon />}
          title="No findings"
          actions={
            <Link href="/ingest" className={buttonClasses('primary')}>
              Go to Ingest
            </Link>
          }
        >
          <p>
            Detection rules run after every ingest. When one matches, its finding shows up here by severity:
          </p>
          <p className="flex flex-wrap justify-center gap-1.5 pt-1">
            {SEVERITIES.map((severity) => (
              <SeverityBadge key={severity} severity={severity} />
            ))}
          </p>
        </EmptyState>
      </Card>
    </>
  );
}
