import { expect, test } from 'vitest';
import { fillDays } from './activity';
import type { CaseItemView, CaseNoteView } from './load-case';
import { buildTimeline } from './timeline';

const base = { starred: false, tags: [], addedAt: new Date('2026-12-01T00:00:00Z'), addedBy: null };

test('the timeline merges events, findings and notes by time; views and principals stay off it', () => {
  const items: CaseItemView[] = [
    { ...base, id: '1', kind: 'view', viewUrl: '/events', label: 'v' },
    {
      ...base,
      id: '2',
      kind: 'event',
      accountId: 'a',
      eventId: 'e2',
      eventTime: new Date('2026-03-02T10:00:00Z'),
      event: null,
    },
    {
      ...base,
      id: '3',
      kind: 'finding',
      findingId: '9',
      finding: {
        id: '9',
        ruleId: 'R01',
        severity: 'high',
        title: 't',
        summary: 's',
        status: 'open',
        accountId: 'a',
        principalId: null,
        principalKey: 'k',
        firstSeen: new Date('2026-03-02T10:00:00Z'),
        lastSeen: new Date('2026-03-03T00:00:00Z'),
        eventCount: 3,
      },
    },
    {
      ...base,
      id: '4',
      kind: 'event',
      accountId: 'a',
      eventId: 'e1',
      eventTime: new Date('2026-03-01T08:00:00Z'),
      event: null,
    },
    { ...base, id: '5', kind: 'principal', principalId: '7', principal: null },
  ];
  const notes: CaseNoteView[] = [
    {
      id: 'n1',
      body: 'x',
      author: 'a@example.test',
      createdAt: new Date('2026-03-02T09:00:00Z'),
      itemId: null,
    },
  ];
  const order = buildTimeline({ items, notes }).map((entry) =>
    entry.type === 'note' ? entry.note.id : entry.item.id,
  );
  // e1 (03-01), note (03-02 09:00), then at 10:00 the finding before the event it explains.
  expect(order).toEqual(['4', 'n1', '3', '2']);
});

test('fillDays adds the quiet days between the first and last', () => {
  expect(
    fillDays([
      { day: '2026-03-01', events: 2 },
      { day: '2026-03-04', events: 1 },
    ]),
  ).toEqual([
    { day: '2026-03-01', events: 2 },
    { day: '2026-03-02', events: 0 },
    { day: '2026-03-03', events: 0 },
    { day: '2026-03-04', events: 1 },
  ]);
  expect(fillDays([])).toEqual([]);
});
