import { SeverityBadge } from '@/components/ui/SeverityBadge';
import { SNAPSHOT_LIMIT, type ViewSnapshot } from '@/lib/cases/view-snapshot';
import { formatUtc } from '@/lib/format';
import { EventSummary } from './EventSummary';

const FILTER_LABELS: Record<string, string> = {
  from: 'From',
  to: 'To',
  account: 'Account',
  region: 'Region',
  principal: 'Principal id',
  ptype: 'Identity type',
  service: 'Service',
  event: 'Event',
  rw: 'Read/write',
  error: 'Error',
  ip: 'Source IP',
  asn: 'ASN',
  country: 'Country',
  ua: 'User agent',
  q: 'Text',
  severity: 'Severity',
  rule: 'Rule',
  tactic: 'Tactic',
  status: 'Status',
};

/** A shared view: its filters and its rows as they are now, with no links anywhere. */
export function ViewSnapshotView({ snapshot, label }: { snapshot: ViewSnapshot; label: string }) {
  const title = snapshot.kind === 'events' ? 'Events' : 'Findings';
  return (
    <article className="space-y-4">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight text-fg">
          {title}: {label}
        </h1>
        {snapshot.filters.length > 0 ? (
          <dl aria-label="Filters" className="mt-2 flex flex-wrap gap-2 text-[13px]">
            {snapshot.filters.map(([name, value]) => (
              <div key={name} className="rounded-md border border-line bg-surface px-2 py-0.5">
                <dt className="inline text-muted">{FILTER_LABELS[name] ?? name}: </dt>
                <dd className="inline font-mono">{value}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="mt-1 text-sm text-muted">No filters.</p>
        )}
        <p className="mt-2 text-[13px] text-muted">
          {snapshot.rows.length} {snapshot.kind}
          {snapshot.truncated ? ` (the newest ${SNAPSHOT_LIMIT}; the view holds more)` : ''}, read just now.
        </p>
      </header>
      <div className="rounded-xl border border-line bg-surface shadow-xs">
        {snapshot.rows.length === 0 ? (
          <p className="px-5 py-10 text-center text-sm text-muted">Nothing matches these filters.</p>
        ) : (
          <ul aria-label={title} className="divide-y divide-line">
            {snapshot.kind === 'events'
              ? snapshot.rows.map((event) => (
                  <li
                    key={`${event.accountId}/${event.eventId}`}
                    className="grid grid-cols-[9rem_minmax(0,1fr)] gap-4 px-5 py-3"
                  >
                    <time
                      dateTime={event.eventTime.toISOString()}
                      className="text-xs text-muted tabular-nums"
                    >
                      {formatUtc(event.eventTime)}
                    </time>
                    <EventSummary event={event} />
                  </li>
                ))
              : snapshot.rows.map((finding) => (
                  <li key={finding.id} className="px-5 py-3 text-sm">
                    <p className="flex flex-wrap items-center gap-2">
                      <SeverityBadge severity={finding.severity} />
                      <span className="font-medium">{finding.title}</span>
                    </p>
                    <p className="mt-0.5 text-[13px] text-muted">
                      {finding.ruleId} · {finding.status} · {finding.principalKey} ·{' '}
                      {formatUtc(finding.firstSeen)} to {formatUtc(finding.lastSeen)} · {finding.eventCount}{' '}
                      events
                    </p>
                  </li>
                ))}
          </ul>
        )}
      </div>
    </article>
  );
}
