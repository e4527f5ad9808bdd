import type { Metadata } from 'next';
import Link from 'next/link';
import { ActiveFilters } from '@/components/events/ActiveFilters';
import { EventContextList } from '@/components/events/EventContextList';
import { EventFilterBar } from '@/components/events/EventFilterBar';
import { EventsTable } from '@/components/events/EventsTable';
import { ExplorerEventDrawer } from '@/components/events/ExplorerEventDrawer';
import { ExplorerPagination } from '@/components/events/ExplorerPagination';
import { ExportLinks } from '@/components/events/ExportLinks';
import { COLUMN_IDS, type ColumnId, DEFAULT_COLUMNS } from '@/components/events/explorer-columns';
import { clearedHref, type ExplorerParams, explorerHref } from '@/components/events/explorer-url';
import { formatCount } from '@/components/ingest/job-display';
import { EventsIcon } from '@/components/shell/icons';
import { Alert } from '@/components/ui/Alert';
import { buttonClasses } from '@/components/ui/Button';
import { Card, CardBody } from '@/components/ui/Card';
import { Code } from '@/components/ui/Code';
import { EmptyState } from '@/components/ui/EmptyState';
import { PageHeader } from '@/components/ui/PageHeader';
import { requirePageSession } from '@/lib/auth/guards';
import { hasRole } from '@/lib/auth/roles';
import { getPool } from '@/lib/db/pg-pool';
import { EXPORT_ROLES } from '@/lib/export/event-export';
import { formatUtc } from '@/lib/format';
import {
  DEFAULT_WINDOW_HOURS,
  FILTER_PARAMS,
  PAGE_SIZE,
  parseEventsQuery,
  VIEW_PARAMS,
} from '@/lib/queries/events/event-filters';
import { getEventContext } from '@/lib/queries/events/get-event-context';
import { getExplorerOptions, getPrincipalName } from '@/lib/queries/events/get-explorer-options';
import { getLatestEventTime } from '@/lib/queries/events/get-latest-event-time';
import { searchEvents } from '@/lib/queries/events/search-events';

export const metadata: Metadata = { title: 'Events' };

const PARAMS: string[] = [...FILTER_PARAMS, ...VIEW_PARAMS];

type SearchParams = Record<string, string | string[] | undefined>;

/** The URL's explorer parameters that parsed, as strings, for building links that keep them. */
function currentParams(raw: SearchParams, invalid: string[]): ExplorerParams {
  const out: ExplorerParams = {};
  for (const key of PARAMS) {
    const value = Array.isArray(raw[key]) ? raw[key][0] : raw[key];
    if (value && !invalid.includes(key)) out[key] = value;
  }
  return out;
}

export default async function EventsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const session = await requirePageSession();
  const raw = await searchParams;
  const { filters, view, invalid } = parseEventsQuery(raw);
  const pool = getPool();
  const header = (
    <PageHeader
      title="Events"
      description="Every stored CloudTrail event, filtered by time, identity, API call, network and request content."
    />
  );
  if (!(await getLatestEventTime(pool))) {
    return (
      <>
        {header}
        <Card>
          <EmptyState icon={<EventsIcon />} title="No events to search">
            <p>
              Load a trail first: upload archives on the Ingest page, or run{' '}
              <Code>npx trailhound ingest &lt;path&gt;</Code> with a folder of <Code>.json.gz</Code> files.
            </p>
          </EmptyState>
        </Card>
      </>
    );
  }

  const current = currentParams(raw, invalid);
  const [result, options, context, principalName] = await Promise.all([
    searchEvents(pool, filters, view),
    getExplorerOptions(pool),
    view.ev ? getEventContext(pool, view.ev.accountId, view.ev.eventId, view.ctx) : null,
    filters.principal ? getPrincipalName(pool, filters.principal) : null,
  ]);
  const visible: ColumnId[] =
    view.cols?.filter((id): id is ColumnId => COLUMN_IDS.includes(id as ColumnId)) ?? [];
  const exportParams = {
    ...current,
    from: result.window.from.toISOString(),
    to: result.window.to.toISOString(),
  };

  return (
    <>
      {header}
      <div className="space-y-4">
        {invalid.length > 0 ? (
          <Alert tone="error">
            Ignored {invalid.length === 1 ? 'a filter' : 'filters'} that could not be read:{' '}
            {invalid.join(', ')}.
          </Alert>
        ) : null}
        <Card>
          <CardBody className="space-y-4">
            <EventFilterBar current={current} options={options} />
            <ActiveFilters current={current} principalName={principalName ?? undefined} />
          </CardBody>
        </Card>

        <Card aria-labelledby="events-heading">
          <header className="flex flex-wrap items-start justify-between gap-4 border-b border-line px-5 py-4">
            <div className="min-w-0">
              <h2 id="events-heading" className="text-[15px] font-semibold text-fg">
                {formatCount(result.total)}
                {result.totalCapped ? '+' : ''} event{result.total === 1 ? '' : 's'}
              </h2>
              <p className="mt-0.5 text-sm text-muted">
                {formatUtc(result.window.from)} to {formatUtc(result.window.to)}
                {result.windowIsDefault ? ` · the ${DEFAULT_WINDOW_HOURS} hours before the newest event` : ''}
                {result.totalCapped ? ' · counting stops at 10,000; narrow the filter to page further' : ''}
              </p>
            </div>
            {hasRole(session.role, EXPORT_ROLES) && result.total > 0 ? (
              <ExportLinks params={exportParams} />
            ) : null}
          </header>
          {result.rows.length > 0 ? (
            <>
              <EventsTable
                rows={result.rows}
                current={current}
                sort={view.sort}
                dir={view.dir}
                visible={visible.length > 0 ? visible : DEFAULT_COLUMNS}
              />
              <ExplorerPagination
                current={current}
                page={result.page}
                pageCount={result.pageCount}
                firstRow={(result.page - 1) * PAGE_SIZE + 1}
                rowsShown={result.rows.length}
                total={result.total}
                totalCapped={result.totalCapped}
              />
            </>
          ) : (
            <EmptyState
              icon={<EventsIcon />}
              title={result.page > 1 ? 'No events on this page' : 'No events match these filters'}
              actions={
                <Link
                  href={result.page > 1 ? explorerHref(current, { page: null }) : clearedHref(current)}
                  className={buttonClasses('secondary')}
                >
                  {result.page > 1 ? 'Back to the first page' : 'Clear the filters'}
                </Link>
              }
            >
              <p>
                Widen the time range or remove a filter. Free text searches the request parameters only,
                within the time range.
              </p>
            </EmptyState>
          )}
        </Card>
      </div>

      {view.ev ? (
        <ExplorerEventDrawer
          accountId={view.ev.accountId}
          eventId={view.ev.eventId}
          title={
            context ? `${context.event.eventName ?? 'Event'} by ${context.event.principalName}` : 'Event'
          }
          closeHref={explorerHref(current, { ev: null, ctx: null })}
        >
          {context ? <EventContextList context={context} current={current} /> : null}
        </ExplorerEventDrawer>
      ) : null}
    </>
  );
}
