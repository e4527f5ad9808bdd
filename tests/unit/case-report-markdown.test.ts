import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { expect, test } from 'vitest';
import type { CaseEventRow } from '@/lib/cases/event-rows';
import type { CaseReport } from '@/lib/cases/report-data';
import { renderCaseMarkdown } from '@/lib/cases/report-markdown';
import { buildTimeline } from '@/lib/cases/timeline';

// Values an attacker controls through the log: user agent, principal name, error code, bucket
// names in summaries. None of them may become a link, an image or HTML in the export.
const EVIL = '<img src=x onerror=alert(1)>[login](https://evil.example/p)|![p](https://evil.example/t.gif)';

const event: CaseEventRow = {
  accountId: '111122223333',
  eventId: 'e-1',
  eventTime: new Date('2026-03-02T10:00:00Z'),
  eventName: `GetObject${EVIL}`,
  service: 's3',
  region: 'eu-west-1',
  errorCode: EVIL,
  readOnly: true,
  sourceIp: '203.0.113.9',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  principalId: '7',
  principalName: `dana${EVIL}`,
  principalType: 'IAMUser',
  userAgent: EVIL,
  asn: 14061,
  asOrg: EVIL,
  countryCode: 'NL',
};

const base = {
  starred: true,
  tags: ['pivot'],
  addedAt: new Date('2026-12-01T00:00:00Z'),
  addedBy: 'a@example.test',
};
const finding = {
  id: '9',
  ruleId: 'R52',
  severity: 'high' as const,
  title: `Credential files read from ${EVIL}`,
  summary: `Bucket ${EVIL}`,
  status: 'open',
  accountId: '111122223333',
  principalId: '7',
  principalKey: `user/${EVIL}`,
  firstSeen: new Date('2026-03-02T09:00:00Z'),
  lastSeen: new Date('2026-03-02T11:00:00Z'),
  eventCount: 3,
};
const detail: CaseReport['detail'] = {
  id: '1',
  title: 'Key leak [click](https://evil.example)',
  description: 'Started from **R52**. <script>alert(1)</script>',
  status: 'open',
  severity: 'high',
  tags: ['ir-42'],
  ownerId: null,
  owner: 'analyst@example.test',
  createdAt: new Date('2026-12-01T00:00:00Z'),
  updatedAt: new Date('2026-12-01T00:00:00Z'),
  members: [],
  items: [
    {
      ...base,
      id: '1',
      kind: 'event',
      accountId: event.accountId,
      eventId: event.eventId,
      eventTime: event.eventTime,
      event,
    },
    { ...base, id: '2', kind: 'finding', findingId: '9', finding },
    { ...base, id: '3', kind: 'view', viewUrl: '/events?q=%3Cscript%3E', label: 'Hostile <b>view</b>' },
  ],
  notes: [
    {
      id: '1',
      body: 'See <img src=x onerror=alert(1)> and **this**',
      author: 'a@example.test',
      createdAt: new Date('2026-12-01T01:00:00Z'),
      itemId: null,
    },
  ],
};
const report: CaseReport = {
  detail,
  timeline: buildTimeline(detail),
  findings: [{ finding, evidence: [event] }],
  principals: [
    {
      id: '7',
      accountId: '111122223333',
      name: `dana${EVIL}`,
      principalType: 'IAMUser',
      arn: null,
      findingCount: 1,
      maxSeverity: 'high',
      eventCount: 3,
      bookmarked: false,
    },
  ],
  iocs: {
    ips: [{ ip: '203.0.113.9', asn: 14061, asOrg: EVIL, countryCode: 'NL', events: 3 }],
    asns: [{ asn: 14061, asOrg: EVIL, events: 3 }],
    accessKeys: [{ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', events: 3 }],
    userAgents: [{ userAgent: EVIL, events: 3 }],
  },
  activity: [{ day: '2026-03-02', events: 3 }],
  generatedAt: new Date('2026-12-01T02:00:00Z'),
};

test('the Markdown export holds every section and no hostile value becomes markup', () => {
  const markdown = renderCaseMarkdown(report);
  for (const heading of [
    '## Summary',
    '## Activity',
    '## Timeline',
    '## Findings',
    '## Principals involved',
    '## Indicators of compromise',
    '### User agents',
    '## Saved views',
  ]) {
    expect(markdown).toContain(heading);
  }
  expect(markdown).toContain('AKIAIOSFODNN7EXAMPLE');
  const html = renderToStaticMarkup(createElement(ReactMarkdown, { remarkPlugins: [remarkGfm] }, markdown));
  expect(html).not.toMatch(/<(img|script)\b/i);
  // Log values never link. A bare URL typed into the case title may be autolinked by GFM, but
  // only ever as itself: no link text can disguise its target.
  const links = [...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)];
  for (const [, href, text] of links) expect(text).toBe(href?.replace(/^mailto:/, ''));
  expect(links.map(([, href]) => href)).not.toContain('https://evil.example/p');
  // The analysts' own formatting survives in notes and the description.
  expect(html).toContain('<strong>this</strong>');
  expect(html).toContain('<strong>R52</strong>');
  // Table rows keep their shape: hostile pipes did not add cells.
  const userAgentRow = html.match(/<tr><td><code>&lt;img[\s\S]*?<\/tr>/)?.[0] ?? '';
  expect(userAgentRow.match(/<td>/g)).toHaveLength(2);
});
