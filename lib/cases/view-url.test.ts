import { describe, expect, test } from 'vitest';
import { normaliseViewUrl, snapshotPathOf } from './view-url';

describe('normaliseViewUrl', () => {
  test.each([
    ['/events?ip=203.0.113.9&account=111122223333', '/events?account=111122223333&ip=203.0.113.9'],
    ['http://localhost:3000/findings?severity=high', '/findings?severity=high'],
    ['/principals/42?from=2026-03-01T00:00:00.000Z', '/principals/42?from=2026-03-01T00%3A00%3A00.000Z'],
    ['/overview', '/overview'],
  ])('%s -> %s', (input, expected) => {
    expect(normaliseViewUrl(input)).toBe(expected);
  });

  test.each([
    'javascript:alert(1)',
    '//evil.example/events',
    'events?x=1',
    '/login?next=/overview',
    '/api/me',
    '/share/abc',
    '/investigations/1',
    'ftp://host/events',
    '',
  ])('refuses %s', (input) => {
    expect(normaliseViewUrl(input)).toBeNull();
  });
});

test('only the events explorer and the findings feed can be shared as a snapshot', () => {
  expect(snapshotPathOf('/events?ip=1.2.3.4')).toBe('/events');
  expect(snapshotPathOf('/findings')).toBe('/findings');
  expect(snapshotPathOf('/principals/4')).toBeNull();
});
