import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { PrincipalSearch } from '@/components/principals/PrincipalSearch';
import { PrincipalsTable } from '@/components/principals/PrincipalsTable';
import { SectionSkeleton } from '@/components/principals/SectionSkeleton';
import { PrincipalsIcon } from '@/components/shell/icons';
import { SectionNotReady } from '@/components/shell/SectionNotReady';
import { Card, CardHeader } from '@/components/ui/Card';
import { cx } from '@/components/ui/cx';
import { EmptyState } from '@/components/ui/EmptyState';
import { PageHeader } from '@/components/ui/PageHeader';
import { requirePageSession } from '@/lib/auth/guards';
import { getPool } from '@/lib/db/pg-pool';
import { formatUtcDate } from '@/lib/format';
import {
  type PrincipalListParams,
  principalListParams,
  principalsListHref,
} from '@/lib/principals/list-params';
import { getPrincipalFacets, getPrincipals, PRINCIPAL_SORTS } from '@/lib/queries/principals/get-principals';
import { listPrincipalsByRisk } from '@/lib/scores';

export const metadata: Metadata = { title: 'Principals' };

const PAGE_SIZE = 50;
const SORT_LABELS = { risk: 'Risk', activity: 'Most active', recent: 'Recently seen', name: 'Name' } as const;

async function PrincipalsList({ params }: { params: PrincipalListParams }) {
  const db = getPool();
  const risk = await listPrincipalsByRisk(
    { accountId: params.account, search: params.q, limit: 100_000 },
    db,
  );
  const riskScores = new Map((risk?.rows ?? []).map((row) => [row.principalId, row.riskScore]));
  const page = await getPrincipals(db, { ...params, pageSize: PAGE_SIZE, riskScores });
  const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
  const filtered = Boolean(params.q || params.account || params.type);

  return (
    <Card aria-labelledby="principals-heading">
      <CardHeader
        id="principals-heading"
        title={`${page.total.toLocaleString('en')} principal${page.total === 1 ? '' : 's'}`}
        description={
          risk
            ? `Risk over ${formatUtcDate(risk.window.from)} – ${formatUtcDate(new Date(risk.window.to.getTime() - 1))}, the last week with activity.`
            : 'Risk scores appear once the first ingest has been analysed.'
        }
        actions={
          <nav aria-label="Sort" className="flex items-center gap-1 text-sm">
            {PRINCIPAL_SORTS.map((sort) => (
              <Link
                key={sort}
                href={principalsListHref({ ...params, sort, page: 1 })}
                aria-current={params.sort === sort ? 'true' : undefined}
                className={cx(
                  'rounded-md px-2 py-1',
                  params.sort === sort
                    ? 'bg-accent-soft font-medium text-accent-soft-fg'
                    : 'text-muted hover:text-fg',
                )}
              >
                {SORT_LABELS[sort]}
              </Link>
            ))}
          </nav>
        }
      />
      {page.rows.length > 0 ? (
        <PrincipalsTable rows={page.rows} />
      ) : (
        <EmptyState icon={<PrincipalsIcon />} title={filtered ? 'No principal matches' : 'No principals yet'}>
          <p>
            {filtered
              ? 'Try a shorter search, or clear the account and type filters.'
              : 'Load a trail first.'}
          </p>
        </EmptyState>
      )}
      {pages > 1 ? (
        <nav
          aria-label="Pages"
          className="flex items-center justify-end gap-3 border-t border-line px-5 py-3 text-sm"
        >
          {params.page > 1 ? (
            <Link
              href={principalsListHref({ ...params, page: params.page - 1 })}
              className="text-accent hover:underline"
            >
              Previous
            </Link>
          ) : null}
          <span className="text-muted">
            Page {params.page} of {pages}
          </span>
          {params.page < pages ? (
            <Link
              href={principalsListHref({ ...params, page: params.page + 1 })}
              className="text-accent hover:underline"
            >
              Next
            </Link>
          ) : null}
        </nav>
      ) : null}
    </Card>
  );
}

export default async function PrincipalsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageSession();
  const raw = await searchParams;
  const params = principalListParams.parse(
    Object.fromEntries(
      Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
    ),
  );
  const facets = await getPrincipalFacets(getPool());
  const header = (
    <PageHeader
      title="Principals"
      description="Every IAM user, role session, root and AWS service seen in your trails, riskiest first. Principals with less than 14 days of history are marked learning."
    />
  );
  if (facets.accounts.length === 0) {
    return (
      <>
        {header}
        <SectionNotReady
          icon={<PrincipalsIcon />}
          emptyTitle="No principals yet"
          notReadyTitle="No principals yet"
        >
          <p>
            Principals appear after the first ingest, each with a timeline, what is new about it and a risk
            score.
          </p>
        </SectionNotReady>
      </>
    );
  }
  return (
    <>
      {header}
      <div className="space-y-4">
        <PrincipalSearch accounts={facets.accounts} types={facets.types} />
        <Suspense
          key={JSON.stringify(params)}
          fallback={<SectionSkeleton label="principals" className="h-96" />}
        >
          <PrincipalsList params={params} />
        </Suspense>
      </div>
    </>
  );
}
