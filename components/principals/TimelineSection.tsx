import Link from 'next/link';
import { Alert } from '@/components/ui/Alert';
import { Card, CardHeader } from '@/components/ui/Card';
import { cx } from '@/components/ui/cx';
import { getPool } from '@/lib/db/pg-pool';
import { formatUtc } from '@/lib/format';
import { principalHref } from '@/lib/links';
import { scopeWindowParams } from '@/lib/principals/scope';
import { CONTEXT_MINUTES, type TimelineParams, timelineView } from '@/lib/principals/timeline-params';
import { PAGE_SIZE } from '@/lib/queries/events/event-filters';
import { searchEvents } from '@/lib/queries/events/search-events';
import { getEventTime, getTimelineFacets } from '@/lib/queries/principals/get-timeline-facets';
import type { PrincipalSectionProps } from './section-props';
import { TimelineFilters } from './TimelineFilters';
import { TimelineTable } from './TimelineTable';

const MINUTE = 60_000;

/**
 * The timeline: the scope's calls with server-side paging, sorting and filters; or, with
 * `around`, everything within ±N minutes of one event (the principal's or the whole account's).
 */
export async function TimelineSection({
  principal,
  scope,
  baseline,
  timeline,
  currentHref,
}: PrincipalSectionProps & { timeline: TimelineParams; currentHref: string }) {
  const db = getPool();
  const anchorTime = timeline.around ? await getEventTime(db, principal.accountId, timeline.around) : null;
  const context = anchorTime
    ? {
        from: new Date(anchorTime.getTime() - timeline.ctx * MINUTE),
        to: new Date(anchorTime.getTime() + timeline.ctx * MINUTE + 1),
      }
    : null;
  const who = context ? timeline.cwho : 'principal';
  const shown = context ?? scope;
  // The explorer's query module does the paging, sorting, filtering and capped count.
  const [page, facets] = await Promise.all([
    searchEvents(
      db,
      {
        from: shown.from,
        to: shown.to,
        ...(who === 'account' ? { account: principal.accountId } : { principal: principal.id }),
        // A context view shows everything around the event, whatever the timeline's filters.
        ...(context
          ? {}
          : {
              service: timeline.service,
              event: timeline.event,
              error:
                timeline.errors === 'any' ? '*' : timeline.errors === 'denied' ? 'AccessDenied' : undefined,
              ip: timeline.ip,
            }),
      },
      {
        sort: context ? 'time' : timeline.sort,
        dir: !context && timeline.desc ? 'desc' : 'asc',
        page: timeline.page,
      },
    ),
    getTimelineFacets(db, principal.id, scope),
  ]);
  const window = scopeWindowParams(scope, baseline);
  const contextHref = (changes: Partial<TimelineParams>) =>
    principalHref(principal.id, { ...window, ...timelineView({ ...timeline, page: 1, ...changes }) });

  return (
    <Card aria-labelledby="timeline-heading">
      <CardHeader
        id="timeline-heading"
        title="Timeline"
        description={
          context
            ? `Everything within ±${timeline.ctx} minutes of the selected event.`
            : 'Every call of this principal in the scope. Open any row’s context or its raw record.'
        }
      />
      <div className="space-y-3 border-b border-line px-5 py-4 print:hidden">
        {timeline.around && !anchorTime ? (
          <Alert tone="info">That event is not stored (any more).</Alert>
        ) : null}
        {context && anchorTime ? (
          <div
            role="status"
            className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg bg-accent-soft px-3 py-2 text-sm text-accent-soft-fg"
          >
            <span>Context around the event at {formatUtc(anchorTime)}</span>
            <nav className="flex items-center gap-1" aria-label="Context width">
              {CONTEXT_MINUTES.map((minutes) => (
                <Link
                  key={minutes}
                  href={contextHref({ ctx: minutes })}
                  aria-current={minutes === timeline.ctx ? 'true' : undefined}
                  className={cx(
                    'rounded px-1.5 py-0.5',
                    minutes === timeline.ctx ? 'bg-surface font-semibold' : 'hover:underline',
                  )}
                >
                  ±{minutes} min
                </Link>
              ))}
            </nav>
            <Link
              href={contextHref({ cwho: who === 'account' ? 'principal' : 'account' })}
              className="underline"
            >
              {who === 'account' ? 'Only this principal' : 'Whole account'}
            </Link>
            <Link href={contextHref({ around: undefined })} className="ml-auto font-medium underline">
              Back to the timeline
            </Link>
          </div>
        ) : (
          <TimelineFilters
            key={currentHref}
            currentHref={currentHref}
            services={facets.services}
            events={facets.events}
            values={{
              service: timeline.service,
              event: timeline.event,
              errors: timeline.errors,
              ip: timeline.ip,
            }}
          />
        )}
      </div>
      <TimelineTable
        rows={page.rows}
        total={page.total}
        capped={page.totalCapped}
        page={timeline.page}
        pageSize={PAGE_SIZE}
        sort={timeline.sort}
        desc={context ? false : timeline.desc}
        currentHref={currentHref}
        around={anchorTime ? timeline.around : undefined}
        showPrincipal={who === 'account'}
      />
    </Card>
  );
}
