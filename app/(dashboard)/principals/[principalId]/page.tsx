import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { AccessKeysSection } from '@/components/principals/AccessKeysSection';
import { HistogramSection } from '@/components/principals/HistogramSection';
import { ObservedSection } from '@/components/principals/ObservedSection';
import { PrincipalFindingsSection } from '@/components/principals/PrincipalFindingsSection';
import { PrincipalHeader } from '@/components/principals/PrincipalHeader';
import { RiskSection } from '@/components/principals/RiskSection';
import { ScopeSelector } from '@/components/principals/ScopeSelector';
import { SectionSkeleton } from '@/components/principals/SectionSkeleton';
import { SessionsSection } from '@/components/principals/SessionsSection';
import { TimelineSection } from '@/components/principals/TimelineSection';
import { Card, CardBody } from '@/components/ui/Card';
import { requirePageSession } from '@/lib/auth/guards';
import { getPool } from '@/lib/db/pg-pool';
import { formatUtc } from '@/lib/format';
import { principalHref } from '@/lib/links';
import { resolveScope, scopeWindowParams } from '@/lib/principals/scope';
import { parseTimelineParams, timelineView } from '@/lib/principals/timeline-params';
import { getAccountSpan } from '@/lib/queries/accounts/get-accounts';
import { getPrincipal } from '@/lib/queries/principals/get-principal';
import { LEARNING_DAYS } from '@/lib/queries/principals/get-principals';

type Props = {
  params: Promise<{ principalId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requirePageSession();
  const principal = await getPrincipal(getPool(), (await params).principalId);
  return { title: principal ? principal.name : 'Principal' };
}

export default async function PrincipalPage({ params, searchParams }: Props) {
  await requirePageSession();
  const db = getPool();
  const principal = await getPrincipal(db, (await params).principalId);
  if (!principal) notFound();
  const query = await searchParams;
  const { scope, baseline } = resolveScope(query, principal.lastSeen);
  const timeline = parseTimelineParams(query);
  const window = scopeWindowParams(scope, baseline);
  const currentHref = principalHref(principal.id, { ...window, ...timelineView(timeline) });
  const span = await getAccountSpan(db, principal.accountId);
  const learning =
    !!principal.firstSeen &&
    !!span &&
    span.last.getTime() - principal.firstSeen.getTime() < LEARNING_DAYS * 86_400_000;
  // Sections re-render (and show their skeletons) when the scope changes, not on timeline clicks.
  const scopeKey = `${scope.from.toISOString()}/${scope.to.toISOString()}/${baseline.from.toISOString()}/${baseline.to.toISOString()}`;
  const section = { principal, scope, baseline };

  return (
    <>
      <PrincipalHeader principal={principal} learning={learning} />
      <div className="space-y-6">
        <Card className="print:hidden">
          <CardBody className="space-y-2">
            <ScopeSelector
              key={scopeKey}
              currentHref={currentHref}
              scope={{ from: scope.from.toISOString(), to: scope.to.toISOString() }}
              baseline={{ from: baseline.from.toISOString(), to: baseline.to.toISOString() }}
              baselineIsDefault={window.bfrom === undefined}
            />
            <p className="text-xs text-muted" data-testid="scope-summary">
              Scope {formatUtc(scope.from)} – {formatUtc(scope.to)}, compared with the baseline{' '}
              {formatUtc(baseline.from)} – {formatUtc(baseline.to)}.
            </p>
          </CardBody>
        </Card>

        <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <Suspense key={`h${scopeKey}`} fallback={<SectionSkeleton label="activity" className="h-80" />}>
            <HistogramSection {...section} currentHref={currentHref} />
          </Suspense>
          <Suspense key={`r${scopeKey}`} fallback={<SectionSkeleton label="risk" className="h-80" />}>
            <RiskSection {...section} learning={learning} />
          </Suspense>
        </div>

        <section aria-labelledby="observed-heading" className="space-y-3">
          <h2 id="observed-heading" className="text-lg font-semibold text-fg">
            Newly observed
          </h2>
          <Suspense
            key={`o${scopeKey}`}
            fallback={<SectionSkeleton label="newly observed" className="h-64" />}
          >
            <ObservedSection {...section} />
          </Suspense>
        </section>

        <div className="grid gap-6 xl:grid-cols-2">
          <Suspense key={`s${scopeKey}`} fallback={<SectionSkeleton label="sessions" className="h-48" />}>
            <SessionsSection {...section} />
          </Suspense>
          <Suspense fallback={<SectionSkeleton label="findings" className="h-48" />}>
            <PrincipalFindingsSection principalId={principal.id} />
          </Suspense>
        </div>

        <Suspense fallback={<SectionSkeleton label="access keys" className="h-48" />}>
          <AccessKeysSection principalId={principal.id} />
        </Suspense>

        <Suspense fallback={<SectionSkeleton label="timeline" className="h-96" />}>
          <TimelineSection {...section} timeline={timeline} currentHref={currentHref} />
        </Suspense>
      </div>
    </>
  );
}
