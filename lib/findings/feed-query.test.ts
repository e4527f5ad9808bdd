import { describe, expect, test } from 'vitest';
import { findingsHref } from '../links';
import { feedFilters, hasFilters, parseFeedQuery } from './feed-query';

const paramsOf = (href: string) => Object.fromEntries(new URL(href, 'http://x').searchParams);

describe('parseFeedQuery', () => {
  test('reads every findingsHref parameter back', () => {
    const href = findingsHref({
      severity: 'high,critical',
      status: 'open',
      rule: 'R19',
      tactic: 'TA0003',
      account: '111122223333',
      principal: '42',
      assignee: '0b8e3c1a-2f4d-4e5a-9b6c-7d8e9f0a1b2c',
      from: new Date('2026-10-01T00:00:00Z'),
      to: '2026-10-02T00:00:00.000Z',
      sort: 'severity',
      dir: 'asc',
      page: 3,
    });
    const query = parseFeedQuery(paramsOf(href));
    expect(query).toEqual({
      severities: ['high', 'critical'],
      statuses: ['open'],
      rule: 'R19',
      tactic: 'TA0003',
      account: '111122223333',
      principal: '42',
      assignee: '0b8e3c1a-2f4d-4e5a-9b6c-7d8e9f0a1b2c',
      from: new Date('2026-10-01T00:00:00Z'),
      to: new Date('2026-10-02T00:00:00Z'),
      sort: 'severity',
      dir: 'asc',
      page: 3,
    });
    // And back again: the view's own links reproduce the URL.
    expect(findingsHref(feedFilters(query))).toBe(href);
  });

  test('datetime-local values without a zone are UTC; a date alone is its midnight', () => {
    expect(parseFeedQuery({ from: '2026-10-01T09:05', to: '2026-10-02' })).toMatchObject({
      from: new Date('2026-10-01T09:05:00Z'),
      to: new Date('2026-10-02T00:00:00Z'),
    });
  });

  test('defaults, and bad values dropped rather than refused', () => {
    const query = parseFeedQuery({
      severity: 'severe,high',
      status: 'deleted',
      tactic: 'TA12',
      principal: 'dana',
      assignee: "x' OR 1=1",
      from: 'yesterday',
      sort: 'password',
      dir: 'up',
      page: '0',
    });
    expect(query).toEqual({
      severities: ['high'],
      statuses: [],
      rule: undefined,
      tactic: undefined,
      account: undefined,
      principal: undefined,
      assignee: undefined,
      from: undefined,
      to: undefined,
      sort: 'lastSeen',
      dir: 'desc',
      page: 1,
    });
    expect(hasFilters(query)).toBe(true);
    expect(hasFilters(parseFeedQuery({ sort: 'rule', page: '2' }))).toBe(false);
    expect(findingsHref(feedFilters(parseFeedQuery({})))).toBe('/findings');
  });
});
