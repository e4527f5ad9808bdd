import { describe, expect, test } from 'vitest';
import { shareAccounts } from './analysis-threads';

describe('shareAccounts', () => {
  test('gives each account to the lightest group, largest first, never splitting one', () => {
    const events = new Map([
      ['111111111111', 58_000],
      ['222222222222', 21_000],
      ['333333333333', 11_000],
      ['444444444444', 119_000],
    ]);
    expect(shareAccounts(events, 2)).toEqual([
      ['444444444444'],
      ['111111111111', '222222222222', '333333333333'],
    ]);
    expect(shareAccounts(events, 3)).toEqual([
      ['444444444444'],
      ['111111111111'],
      ['222222222222', '333333333333'],
    ]);
  });

  test('no more groups than accounts with events', () => {
    const events = new Map([
      ['111111111111', 10],
      ['222222222222', 0],
    ]);
    expect(shareAccounts(events, 4)).toEqual([['111111111111']]);
    expect(shareAccounts(new Map(), 2)).toEqual([]);
  });
});
