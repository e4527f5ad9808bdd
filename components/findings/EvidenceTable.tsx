import { TABLE, THEAD_ROW } from '@/components/ui/table-classes';
import { formatUtcDate, formatUtcTime } from '@/lib/format';
import type { EvidenceEvent } from '@/lib/queries/findings/types';
import { EvidenceRawButton } from './EvidenceRawButton';

const CELL = 'px-3 py-2.5';

/**
 * The events behind a finding. Every value here (names, agents, error codes) comes from the logs
 * and renders as text; the raw record opens in the
 * explorer's drawer (components/events), read through /api/events/raw.
 */
export function EvidenceTable({ events }: { events: EvidenceEvent[] }) {
  return (
    <div className="overflow-x-auto">
      <table className={TABLE}>
        <thead>
          <tr className={THEAD_ROW}>
            <th scope="col" className="py-2.5 pr-3 pl-5 font-medium">
              Time
            </th>
            <th scope="col" className={`${CELL} font-medium`}>
              Event
            </th>
            <th scope="col" className={`${CELL} font-medium`}>
              Principal
            </th>
            <th scope="col" className={`${CELL} font-medium`}>
              Source
            </th>
            <th scope="col" className={`${CELL} font-medium`}>
              User agent
            </th>
            <th scope="col" className="py-2.5 pr-5 pl-3 text-right font-medium">
              <span className="sr-only">Raw record</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {events.map((event) => (
            <tr key={`${event.accountId}/${event.eventId}`} className="align-top">
              <td className="py-2.5 pr-3 pl-5 whitespace-nowrap">
                <span className="block">{formatUtcDate(event.eventTime)}</span>
                <span className="block text-xs text-muted">{formatUtcTime(event.eventTime)}</span>
              </td>
              <th scope="row" className={`${CELL} max-w-64 text-left font-normal`}>
                <span className="block font-medium break-words text-fg">
                  {event.eventName ?? event.eventId}
                </span>
                <span className="block text-xs text-muted">
                  {event.stored ? (
                    <>
                      <span className="break-words">{event.eventSource}</span>
                      {event.region ? <span className="whitespace-nowrap"> · {event.region}</span> : null}
                    </>
                  ) : (
                    'Not in the event store'
                  )}
                </span>
                {event.errorCode ? (
                  <span className="mt-0.5 block text-xs font-medium text-danger [overflow-wrap:anywhere]">
                    {event.errorCode}
                  </span>
                ) : null}
              </th>
              <td className={`${CELL} max-w-48`}>
                <span className="block truncate" title={event.principalName ?? undefined}>
                  {event.principalName ?? '—'}
                </span>
                {event.accessKeyId ? (
                  <span className="block font-mono text-xs text-subtle">{event.accessKeyId}</span>
                ) : null}
              </td>
              <td className={`${CELL} max-w-48`}>
                {/* IPv4 stays on one line; only a long IPv6 address may break. */}
                <span
                  className={`block font-mono text-[13px] ${event.sourceIp?.includes(':') ? '[overflow-wrap:anywhere]' : 'whitespace-nowrap'}`}
                >
                  {event.sourceIp ?? '—'}
                </span>
                {event.country || event.asOrg ? (
                  <span className="block truncate text-xs text-muted" title={event.asOrg ?? undefined}>
                    {[event.country, event.asOrg].filter(Boolean).join(' · ')}
                  </span>
                ) : null}
              </td>
              <td className={`${CELL} max-w-64`}>
                <span className="line-clamp-2 font-mono text-xs text-muted [overflow-wrap:anywhere]">
                  {event.userAgent ?? '—'}
                </span>
              </td>
              <td className="py-2 pr-5 pl-3 text-right">
                {event.stored ? (
                  <EvidenceRawButton
                    accountId={event.accountId}
                    eventId={event.eventId}
                    eventName={event.eventName}
                  />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
