import type { Metadata } from 'next';
import Link from 'next/link';
import { AccountsSummaryCard } from '@/components/overview/AccountsSummaryCard';
import { KpiCards } from '@/components/overview/KpiCards';
import { LatestFindingsCard } from '@/components/overview/LatestFindingsCard';
import { RangeSummary } from '@/components/overview/RangeSummary';
import { TopPrincipalsCard } from '@/components/overview/TopPrincipalsCard';
import { VolumeChart } from '@/components/overview/VolumeChart';
import { OverviewIcon } from '@/components/shell/icons';
import { buttonClasses } from '@/components/ui/Button';
import { Card, CardBody, CardHeader } from '@/components/ui/Card';
import { Code } from '@/components/ui/Code';
import { EmptyState } from '@/components/ui/EmptyState';
import { PageHeader } from '@/components/ui/PageHeader';
import { SegmentedLinks } from '@/components/ui/SegmentedLinks';
import { requirePageSession } from '@/lib/auth/guards';
import { pageHref } from '@/lib/overview/page-href';
import { parseOverviewParams, type SearchParams, VOLUME_GROUPINGS } from '@/lib/overview/search-params';
import { chartStepHours, resolveRange } from '@/lib/overview/time-range';
import { getAccountsSummary } from '@/lib/queries/overview/get-accounts-summary';
import { getLatestFindings } from '@/lib/queries/overview/get-latest-findings';
import { getOverviewKpis } from '@/lib/queries/overview/get-overview-kpis';
import { getRollupRange } from '@/lib/queries/overview/get-rollup-range';
import { getTopPrincipals } from '@/lib/queries/overview/get-top-principals';
import { getVolumeSeries, OTHER_SERIES } from '@/lib/queries/overview/get-volume-series';

export const metadata: Metadata = { title: 'Overview' };

const GROUPING_LABELS = { service: 'Service', account: 'Account', ptype: 'Principal type' } as const;

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageSession();
  const params = parseOverviewParams(await searchParams);
  const range = resolveRange(params, await getRollupRange());
  const header = (
    <PageHeader
      title="Overview"
      description="What happened, when and where: API volume, open findings, the principals to look at first and each account's activity."
    />
  );
  if (!range) {
    return (
      <>
        {header}
        <Card>
          <EmptyState
            icon={<OverviewIcon />}
            title="No events yet"
            actions={
              <Link href="/ingest" className={buttonClasses('primary')}>
                Go to Ingest
              </Link>
            }
          >
            <p>
              The overview fills in once CloudTrail events are loaded. Upload archives on the Ingest page, or
              run <Code>npx trailhound ingest &lt;path&gt;</Code> on the server.
            </p>
          </EmptyState>
        </Card>
      </>
    );
  }

  const [kpis, series, top, findings, accounts] = await Promise.all([
    getOverviewKpis(range),
    getVolumeSeries(range, params.by, chartStepHours(range)),
    getTopPrincipals(range),
    getLatestFindings(range),
    getAccountsSummary(range),
  ]);
  const current = { from: params.from, to: params.to, by: params.by === 'service' ? undefined : params.by };
  const labels = Object.fromEntries(
    series.keys.map((key) => [key, key === '' ? '(none)' : key === OTHER_SERIES ? 'Other' : key]),
  );

  return (
    <>
      {header}
      <div className="space-y-6">
        <RangeSummary
          range={range}
          hint="Drag across the chart to narrow the range."
          resetHref={
            params.from || params.to ? pageHref('/overview', current, { from: null, to: null }) : null
          }
        >
          <Link
            href={pageHref('/geo', { from: params.from, to: params.to }, {})}
            className={buttonClasses('ghost', 'sm')}
          >
            Geography of this range
          </Link>
        </RangeSummary>
        <KpiCards kpis={kpis} range={range} />
        <Card aria-labelledby="volume-heading">
          <CardHeader
            id="volume-heading"
            title="API volume"
            description={`Events per ${series.stepHours === 1 ? 'hour' : `${series.stepHours} hours`} (UTC), with errors and AccessDenied drawn over them.`}
            actions={
              <SegmentedLinks
                label="Stack the volume by"
                options={VOLUME_GROUPINGS.map((by) => ({
                  label: GROUPING_LABELS[by],
                  href: pageHref('/overview', current, { by: by === 'service' ? null : by }),
                  active: params.by === by,
                }))}
              />
            }
          />
          <CardBody>
            <VolumeChart series={series} labels={labels} />
          </CardBody>
        </Card>
        <div className="grid items-start gap-6 lg:grid-cols-2">
          <TopPrincipalsCard top={top} range={range} />
          <LatestFindingsCard findings={findings} range={range} />
        </div>
        <AccountsSummaryCard accounts={accounts} range={range} />
      </div>
    </>
  );
}
