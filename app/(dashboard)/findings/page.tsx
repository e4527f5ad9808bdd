import type { Metadata } from 'next';
import Link from 'next/link';
import { FeedFilters } from '@/components/findings/FeedFilters';
import { FindingCounts } from '@/components/findings/FindingCounts';
import { FindingsTable } from '@/components/findings/FindingsTable';
import { Pager } from '@/components/findings/Pager';
import { FindingsIcon } from '@/components/shell/icons';
import { buttonClasses } from '@/components/ui/Button';
import { Card, CardHeader } from '@/components/ui/Card';
import { EmptyState } from '@/components/ui/EmptyState';
import { PageHeader } from '@/components/ui/PageHeader';
import { SeverityBadge } from '@/components/ui/SeverityBadge';
import { requirePageSession } from '@/lib/auth/guards';
import { FEED_PAGE_SIZE, feedFilters, hasFilters, parseFeedQuery } from '@/lib/findings/feed-query';
import { type FindingFilters, findingsHref } from '@/lib/links';
import { getLoadedEventCount } from '@/lib/queries/events/get-loaded-event-count';
import { getAssignableUsers } from '@/lib/queries/findings/get-assignable-users';
import { getFeedOptions } from '@/lib/queries/findings/get-feed-options';
import { getFindingFacets } from '@/lib/queries/findings/get-finding-facets';
import { getFindings } from '@/lib/queries/findings/get-findings';
import { SEVERITIES } from '@/lib/severity';

export const metadata: Metadata = { title: 'Findings' };

export default async function FindingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageSession();
  const query = parseFeedQuery(await searchParams);
  const [options, users, facets, { rows, total }] = await Promise.all([
    getFeedOptions(),
    getAssignableUsers(),
    getFindingFacets(query),
    getFindings(query),
  ]);
  // Every link keeps the rest of the view; a filter change goes back to page 1.
  const href = (change: Partial<FindingFilters>) =>
    findingsHref(feedFilters(query, { page: undefined, ...change }));
  const header = (
    <PageHeader
      title="Findings"
      description="What the detection rules flagged, with the evidence behind each one and its triage. Times are UTC."
      actions={
        <Link href="/findings/rules" className={buttonClasses('secondary', 'sm')}>
          Detection rules
        </Link>
      }
    />
  );

  if (!options.anyFindings) {
    const loaded = await getLoadedEventCount();
    return (
      <>
        {header}
        <Card>
          <EmptyState
            icon={<FindingsIcon />}
            title="No findings yet"
            actions={
              <>
                <Link href="/ingest" className={buttonClasses(loaded ? 'secondary' : 'primary')}>
                  Go to Ingest
                </Link>
                <Link href="/findings/rules" className={buttonClasses('secondary')}>
                  See the detection rules
                </Link>
              </>
            }
          >
            {loaded ? (
              <p>
                No detection rule has matched the {loaded.toLocaleString('en-US')} events loaded so far. Rules
                run after every ingest; their findings show up here by severity.
              </p>
            ) : (
              <p>
                Load a trail first. Detection rules run after every ingest; their findings show up here by
                severity:
              </p>
            )}
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

  const filtered = hasFilters(query);
  return (
    <>
      {header}
      <div className="space-y-6">
        <FindingCounts
          facets={facets}
          activeSeverities={query.severities}
          activeTactic={query.tactic}
          severityHref={(severity) => href({ severity })}
          tacticHref={(tactic) => href({ tactic })}
        />
        <Card aria-labelledby="feed-heading">
          <CardHeader
            id="feed-heading"
            title="Feed"
            description={`${total.toLocaleString('en-US')} ${total === 1 ? 'finding' : 'findings'}${filtered ? ' match these filters' : ''}.`}
          />
          <div className="border-b border-line px-5 py-4">
            <FeedFilters query={query} options={options} users={users} />
          </div>
          {rows.length > 0 ? (
            <FindingsTable rows={rows} query={query} sortHref={(sort, dir) => href({ sort, dir })} />
          ) : (
            <EmptyState
              icon={<FindingsIcon />}
              title={total > 0 ? 'This page is past the end of the list' : 'No findings match these filters'}
              actions={
                <Link href={total > 0 ? href({}) : '/findings'} className={buttonClasses('secondary')}>
                  {total > 0 ? 'Go to the first page' : 'Clear filters'}
                </Link>
              }
            >
              <p>Widen the time range or remove a filter to see more.</p>
            </EmptyState>
          )}
          {total > FEED_PAGE_SIZE ? (
            <Pager
              label="Pages of findings"
              page={query.page}
              pageSize={FEED_PAGE_SIZE}
              total={total}
              hrefFor={(page) => findingsHref(feedFilters(query, { page: page > 1 ? page : undefined }))}
            />
          ) : null}
        </Card>
      </div>
    </>
  );
}
