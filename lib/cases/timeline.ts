import type { CaseDetail, CaseItemView, CaseNoteView } from './load-case';

// The story of the incident: bookmarked events at their event time, findings at their first
// sighting, and notes at the time they were written, in one list ordered by time. Principals
// and saved views have no moment of their own and are listed beside the timeline instead.

export type TimelineEntry =
  | { type: 'event'; at: Date; item: Extract<CaseItemView, { kind: 'event' }> }
  | { type: 'finding'; at: Date; item: Extract<CaseItemView, { kind: 'finding' }> }
  | { type: 'note'; at: Date; note: CaseNoteView };

const ORDER: Record<TimelineEntry['type'], number> = { finding: 0, event: 1, note: 2 };

export function buildTimeline(detail: Pick<CaseDetail, 'items' | 'notes'>): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const item of detail.items) {
    if (item.kind === 'event')
      entries.push({ type: 'event', at: item.event?.eventTime ?? item.eventTime, item });
    else if (item.kind === 'finding')
      entries.push({ type: 'finding', at: item.finding?.firstSeen ?? item.addedAt, item });
  }
  for (const note of detail.notes) entries.push({ type: 'note', at: note.createdAt, note });
  // Stable for equal times: a finding opens before the events it explains, notes come last.
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime() || ORDER[a.type] - ORDER[b.type]);
}
