import Link from 'next/link';
import type { ReactNode } from 'react';
import { SeverityBadge } from '@/components/ui/SeverityBadge';
import type { TimelineEntry } from '@/lib/cases/timeline';
import { formatUtc } from '@/lib/format';
import { eventsHref, findingHref } from '@/lib/links';
import { EventSummary } from './EventSummary';
import { ItemControls } from './ItemControls';
import { Markdown } from './Markdown';
import { TagList } from './TagList';

// The case's story. `mode` decides what else is on it: 'edit' adds the bookmark controls,
// 'read' links into the app, 'shared' (a share link) has no links and no controls at all.
export type TimelineMode = { kind: 'edit'; caseId: string } | { kind: 'read' } | { kind: 'shared' };

const MARKERS: Record<TimelineEntry['type'], { label: string; className: string }> = {
  finding: { label: 'Finding', className: 'bg-sev-high-soft text-sev-high-fg' },
  event: { label: 'Event', className: 'bg-accent-soft text-accent-soft-fg' },
  note: { label: 'Note', className: 'bg-surface-muted text-muted' },
};

function MaybeLink({ href, mode, children }: { href: string; mode: TimelineMode; children: ReactNode }) {
  if (mode.kind === 'shared') return <span className="font-medium text-fg">{children}</span>;
  return (
    <Link href={href} className="font-medium text-fg hover:text-accent hover:underline">
      {children}
    </Link>
  );
}

function Entry({ entry, mode }: { entry: TimelineEntry; mode: TimelineMode }) {
  if (entry.type === 'note') {
    return (
      <>
        <p className="text-[13px] text-muted">
          <span className="font-medium text-fg">{entry.note.author ?? 'A removed user'}</span> wrote
        </p>
        <div className="mt-1 rounded-lg border border-line bg-surface-muted/40 px-3 py-2">
          <Markdown links={mode.kind !== 'shared'}>{entry.note.body}</Markdown>
        </div>
      </>
    );
  }
  const { item } = entry;
  let body: ReactNode;
  let name: string;
  if (entry.type === 'event') {
    const event = entry.item.event;
    name = `event ${event?.eventName ?? entry.item.eventId}`;
    const window = {
      from: new Date(entry.at.getTime() - 300_000),
      to: new Date(entry.at.getTime() + 300_000),
    };
    body = event ? (
      <>
        <EventSummary event={event} />
        {mode.kind !== 'shared' ? (
          <Link
            href={eventsHref({ account: event.accountId, principal: event.principalId, ...window })}
            className="mt-1 inline-block text-[13px] text-accent hover:underline"
          >
            Events around it
          </Link>
        ) : null}
      </>
    ) : (
      <p className="text-sm text-muted">
        Event {entry.item.eventId} in {entry.item.accountId} is no longer stored.
      </p>
    );
  } else {
    const finding = entry.item.finding;
    name = `finding ${finding?.title ?? entry.item.findingId}`;
    body = finding ? (
      <div className="min-w-0 text-sm">
        <p className="flex flex-wrap items-center gap-2">
          <SeverityBadge severity={finding.severity} />
          <MaybeLink href={findingHref(finding.id)} mode={mode}>
            {finding.title}
          </MaybeLink>
        </p>
        <p className="mt-1 text-[13px] text-muted">
          {finding.ruleId} · {finding.eventCount.toLocaleString('en-US')} events until{' '}
          {formatUtc(finding.lastSeen)} · {finding.principalKey}
        </p>
        <p className="mt-1 text-[13px] text-fg">{finding.summary}</p>
      </div>
    ) : (
      <p className="text-sm text-muted">Finding #{entry.item.findingId} is no longer stored.</p>
    );
  }
  return (
    <>
      {body}
      <div className="mt-1.5 flex flex-wrap items-center gap-2">
        {item.starred && mode.kind !== 'edit' ? (
          <span className="text-sev-medium" role="img" aria-label="Starred">
            ★
          </span>
        ) : null}
        <TagList tags={item.tags} label={`Tags of ${name}`} />
        {mode.kind === 'edit' ? (
          <ItemControls
            caseId={mode.caseId}
            itemId={item.id}
            starred={item.starred}
            tags={item.tags}
            name={name}
          />
        ) : null}
      </div>
    </>
  );
}

export function CaseTimeline({ entries, mode }: { entries: TimelineEntry[]; mode: TimelineMode }) {
  if (entries.length === 0) {
    return (
      <p className="px-5 py-10 text-center text-sm text-muted">
        Nothing on the timeline yet. Bookmark findings and events with “Add to case”, or write a note.
      </p>
    );
  }
  return (
    <ol aria-label="Case timeline" className="relative space-y-5 px-5 py-5">
      {entries.map((entry) => {
        const marker = MARKERS[entry.type];
        const key = entry.type === 'note' ? `note-${entry.note.id}` : `item-${entry.item.id}`;
        return (
          <li key={key} className="grid grid-cols-[7.5rem_minmax(0,1fr)] gap-4">
            <div className="pt-0.5 text-right">
              <time dateTime={entry.at.toISOString()} className="block text-xs text-muted tabular-nums">
                {formatUtc(entry.at)}
              </time>
              <span
                className={`mt-1 inline-block rounded px-1.5 text-[11px] font-medium ${marker.className}`}
              >
                {marker.label}
              </span>
            </div>
            <div className="min-w-0 border-l-2 border-line pl-4">
              <Entry entry={entry} mode={mode} />
            </div>
          </li>
        );
      })}
    </ol>
  );
}
