import type { Metadata } from 'next';
import Link from 'next/link';
import { CasesTable } from '@/components/cases/CasesTable';
import { NewCaseForm } from '@/components/cases/NewCaseForm';
import { StatusTabs } from '@/components/cases/StatusTabs';
import { InvestigationsIcon } from '@/components/shell/icons';
import { buttonClasses } from '@/components/ui/Button';
import { Card, CardBody, CardHeader } from '@/components/ui/Card';
import { EmptyState } from '@/components/ui/EmptyState';
import { PageHeader } from '@/components/ui/PageHeader';
import { requirePageSession } from '@/lib/auth/guards';
import { WRITE_ROLES } from '@/lib/auth/roles';
import { CASE_STATUSES, type CaseStatus } from '@/lib/cases/constants';
import { countCasesByStatus, listCases } from '@/lib/cases/list-cases';

export const metadata: Metadata = { title: 'Investigations' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function InvestigationsPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requirePageSession();
  const params = await searchParams;
  const statusParam = first(params.status);
  const status = (CASE_STATUSES as readonly string[]).includes(statusParam ?? '')
    ? (statusParam as CaseStatus)
    : undefined;
  const tag = first(params.tag)?.toLowerCase() || undefined;
  const [cases, counts] = await Promise.all([
    listCases(session, { status, tag }),
    countCasesByStatus(session),
  ]);
  const canWrite = WRITE_ROLES.includes(session.role);
  const scope =
    session.role === 'admin' ? 'every case (you are an admin)' : 'the cases you own or were added to';

  return (
    <>
      <PageHeader
        title="Investigations"
        description="Cases your team works together: findings, principals, key events and notes, shareable as a link."
      />
      {canWrite ? (
        <Card aria-labelledby="new-case-heading" className="mb-6">
          <CardHeader
            id="new-case-heading"
            title="New case"
            description="You own the cases you create and choose who else works on them."
          />
          <CardBody>
            <NewCaseForm />
          </CardBody>
        </Card>
      ) : null}
      <StatusTabs active={status} counts={counts} />
      <Card aria-labelledby="cases-heading">
        <CardHeader
          id="cases-heading"
          title={tag ? `Cases tagged #${tag}` : 'Cases'}
          description={`Showing ${scope}.`}
          actions={
            tag ? (
              <Link
                href={status ? `/investigations?status=${status}` : '/investigations'}
                className={buttonClasses('ghost', 'sm')}
              >
                Clear tag
              </Link>
            ) : null
          }
        />
        {cases.length > 0 ? (
          <CasesTable cases={cases} />
        ) : (
          <EmptyState
            icon={<InvestigationsIcon />}
            title={status || tag ? 'No cases match' : 'No investigations yet'}
            actions={
              <Link href="/findings" className={buttonClasses('primary')}>
                Review findings
              </Link>
            }
          >
            <p>
              {canWrite
                ? 'Create one above, or start from a finding or a principal that needs a closer look, then add the events and notes that tell the story.'
                : 'Cases appear here when an analyst adds you to one.'}
            </p>
          </EmptyState>
        )}
      </Card>
    </>
  );
}
