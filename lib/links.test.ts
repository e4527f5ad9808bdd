import { describe, expect, test } from 'vitest';
import { accountHref, eventsHref, principalHref, ruleHref } from './links';

describe('links', () => {
  test('leave out empty filters and serialise dates as ISO', () => {
    expect(eventsHref({ account: '111122223333', region: '', from: new Date('2026-03-04T05:00:00Z') })).toBe(
      '/events?account=111122223333&from=2026-03-04T05%3A00%3A00.000Z',
    );
    expect(eventsHref()).toBe('/events');
  });

  test('encode attacker-controlled values', () => {
    expect(eventsHref({ q: '<script>&x=1' })).toBe('/events?q=%3Cscript%3E%26x%3D1');
    expect(ruleHref('sigma:a/b')).toBe('/findings/rules/sigma%3Aa%2Fb');
    expect(accountHref('o-1/../x')).toBe('/accounts/o-1%2F..%2Fx');
  });

  test('principal windows', () => {
    expect(principalHref(42n, { from: '2026-03-01T00:00:00Z' })).toBe(
      '/principals/42?from=2026-03-01T00%3A00%3A00Z',
    );
  });
});
