import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, test, vi } from 'vitest';

// The control other pages drop in. Its server action is driven in the authorisation matrix; here
// only what the form posts for each kind of target.
vi.mock('@/lib/actions/add-to-case', () => ({ addToCaseAction: async () => null }));
const { AddToCaseMenu } = await import('@/components/cases/AddToCaseMenu');

const hidden = (html: string) =>
  Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]),
  );

test.each([
  [
    { kind: 'event', accountId: '111122223333', eventId: 'e-1' },
    { kind: 'event', accountId: '111122223333', eventId: 'e-1' },
  ],
  [
    { kind: 'finding', findingId: '42' },
    { kind: 'finding', findingId: '42' },
  ],
  [
    { kind: 'principal', principalId: '7' },
    { kind: 'principal', principalId: '7' },
  ],
  [
    { kind: 'view', viewUrl: '/events?ip=203.0.113.9', label: 'VPN <b>' },
    { kind: 'view', viewUrl: '/events?ip=203.0.113.9', label: 'VPN &lt;b&gt;' },
  ],
] as const)('posts the target %o', (target, fields) => {
  const html = renderToStaticMarkup(
    createElement(AddToCaseMenu, { target, cases: [{ id: '3', title: 'Key leak' }], name: 'thing' }),
  );
  expect(hidden(html)).toEqual(fields);
  expect(html).toContain('aria-label="Add thing to a case"');
  expect(html).toContain('<option value="3" selected="">Key leak</option>');
  expect(html).toContain('<option value="new">New case…</option>');
});

test('with no open case it offers a new one, asking for its title', () => {
  const html = renderToStaticMarkup(
    createElement(AddToCaseMenu, { target: { kind: 'finding', findingId: '1' }, cases: [] }),
  );
  expect(html).toContain('name="newCaseTitle"');
});
