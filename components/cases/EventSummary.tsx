import type { CaseEventRow } from '@/lib/cases/event-rows';

/** One event in a sentence. Every value is log content, rendered as text. */
export function EventSummary({ event }: { event: CaseEventRow }) {
  return (
    <div className="min-w-0 text-sm">
      <p className="text-fg">
        <span className="font-mono font-medium">{event.eventName ?? 'unknown event'}</span>
        {event.service ? <span className="text-muted"> on {event.service}</span> : null}
        {event.errorCode ? (
          <span className="ml-1.5 rounded bg-danger-soft px-1 text-xs text-danger">{event.errorCode}</span>
        ) : null}
      </p>
      <p className="mt-0.5 truncate text-[13px] text-muted">
        by <span className="text-fg">{event.principalName}</span> ({event.principalType})
        {event.sourceIp ? (
          <>
            {' '}
            from <span className="font-mono">{event.sourceIp}</span>
            {event.asOrg ? ` (${event.asOrg})` : ''}
          </>
        ) : null}
        {event.region ? ` in ${event.region}` : ''}
      </p>
      {event.userAgent ? (
        <p className="mt-0.5 truncate font-mono text-xs text-subtle" title={event.userAgent}>
          {event.userAgent}
        </p>
      ) : null}
    </div>
  );
}
