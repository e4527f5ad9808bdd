import Link from 'next/link';
import { cx } from '@/components/ui/cx';
import { formatUtc, formatUtcClock } from '@/lib/format';
import { eventKey } from '@/lib/links';
import { CONTEXT_MINUTES } from '@/lib/queries/events/event-filters';
import type { EventContext } from '@/lib/queries/events/get-event-context';
import { type ExplorerParams, explorerHref } from './explorer-url';

/** What the same principal did in the minutes around the open event; each row opens that event. */
export function EventContextList({ context, current }: { context: EventContext; current: ExplorerParams }) {
  const openKey = eventKey(context.event.accountId, context.event.eventId);
  const { from, to } = {
    from: new Date(Date.parse(context.event.eventTime) - context.minutes * 60_000),
    to: new Date(Date.parse(context.event.eventTime) + context.minutes * 60_000),
  };
  return (
    <section aria-labelledby="event-context-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="event-context-heading" className="text-sm font-semibold text-fg">
          {context.event.principalName} ±{context.minutes} min
        </h3>
        <nav aria-label="Context window" className="flex gap-1">
          {CONTEXT_MINUTES.map((minutes) => (
            <Link
              key={minutes}
              href={explorerHref(current, { ctx: minutes === 15 ? null : minutes })}
              scroll={false}
              aria-current={minutes === context.minutes ? 'true' : undefined}
              className={cx(
                'rounded-md border px-2 py-0.5 text-xs',
                minutes === context.minutes
                  ? 'border-transparent bg-accent-soft font-medium text-accent-soft-fg'
                  : 'border-line text-muted hover:bg-surface-hover hover:text-fg',
              )}
            >
              ±{minutes} min
            </Link>
          ))}
        </nav>
      </div>
      <p className="text-xs text-muted">
        {context.around.length} event{context.around.length === 1 ? '' : 's'} from {formatUtc(from)} to{' '}
        {formatUtc(to)}
        {context.truncated ? ' (the nearest 100 either side)' : ''}.{' '}
        <Link
          href={explorerHref(
            {},
            {
              principal: context.event.principalId,
              from: from.toISOString(),
              to: to.toISOString(),
              sort: 'time',
              dir: 'asc',
            },
          )}
          className="text-accent hover:underline"
        >
          Show in the table
        </Link>
      </p>
      <ol className="divide-y divide-line rounded-lg border border-line">
        {context.around.map((row) => {
          const key = eventKey(row.accountId, row.eventId);
          const isOpen = key === openKey;
          return (
            <li key={key} className={cx('text-[13px]', isOpen && 'bg-accent-soft')}>
              <Link
                href={explorerHref(current, { ev: key })}
                scroll={false}
                aria-current={isOpen ? 'true' : undefined}
                className="flex items-baseline gap-3 px-3 py-1.5 hover:bg-surface-hover"
              >
                <time dateTime={row.eventTime} className="shrink-0 font-mono text-muted tabular-nums">
                  {formatUtcClock(row.eventTime)}
                </time>
                <span className="min-w-0 flex-1 truncate font-medium text-fg">{row.eventName ?? '—'}</span>
                <span className="shrink-0 text-muted">{row.service}</span>
                {row.errorCode ? (
                  <span className="shrink-0 font-medium text-danger">{row.errorCode}</span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
