import { describe, expect, test } from 'vitest';
import {
  evaluateThrottle,
  LOGIN_FAILURE_WINDOW_MS,
  MAX_FAILURES_PER_EMAIL,
  MAX_FAILURES_PER_IP,
  throttleMessage,
} from './rate-limit';

const now = new Date('2025-03-01T12:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const times = (count: number, minutes: number) => Array.from({ length: count }, () => minutesAgo(minutes));

describe('evaluateThrottle', () => {
  test('uses 5 per email and 20 per address in 15 minutes', () => {
    expect(MAX_FAILURES_PER_EMAIL).toBe(5);
    expect(MAX_FAILURES_PER_IP).toBe(20);
    expect(LOGIN_FAILURE_WINDOW_MS).toBe(15 * 60_000);
  });

  test('allows attempts below the per-email limit', () => {
    expect(evaluateThrottle({ emailFailures: times(4, 1), ipFailures: [], now })).toEqual({
      throttled: false,
    });
  });

  test('throttles at 5 failures for one email, until the 5th most recent ages out', () => {
    const failures = [minutesAgo(1), minutesAgo(2), minutesAgo(3), minutesAgo(4), minutesAgo(10)];
    const decision = evaluateThrottle({ emailFailures: failures, ipFailures: [], now });
    expect(decision).toEqual({ throttled: true, retryAfterMs: 5 * 60_000 });
  });

  test('only the most recent failures count when there are more than the limit', () => {
    const failures = [...times(5, 2), ...times(3, 14)];
    const decision = evaluateThrottle({ emailFailures: failures, ipFailures: [], now });
    expect(decision).toEqual({ throttled: true, retryAfterMs: 13 * 60_000 });
  });

  test('ignores failures older than the window', () => {
    expect(evaluateThrottle({ emailFailures: times(10, 16), ipFailures: times(50, 16), now })).toEqual({
      throttled: false,
    });
  });

  test('throttles an address at 20 failures across any emails', () => {
    expect(evaluateThrottle({ emailFailures: [], ipFailures: times(19, 1), now }).throttled).toBe(false);
    expect(evaluateThrottle({ emailFailures: [], ipFailures: times(20, 1), now })).toEqual({
      throttled: true,
      retryAfterMs: 14 * 60_000,
    });
  });

  test('when both limits apply, the later release wins', () => {
    const decision = evaluateThrottle({ emailFailures: times(5, 10), ipFailures: times(20, 2), now });
    expect(decision).toEqual({ throttled: true, retryAfterMs: 13 * 60_000 });
  });

  test('order of the input does not matter', () => {
    const failures = [minutesAgo(10), minutesAgo(1), minutesAgo(4), minutesAgo(2), minutesAgo(3)];
    expect(evaluateThrottle({ emailFailures: failures, ipFailures: [], now })).toEqual({
      throttled: true,
      retryAfterMs: 5 * 60_000,
    });
  });
});

describe('throttleMessage', () => {
  test('tells how many minutes to wait, rounded up', () => {
    expect(throttleMessage(5 * 60_000)).toBe(
      'Too many failed sign-in attempts. Wait 5 minutes and try again.',
    );
    expect(throttleMessage(4 * 60_000 + 1)).toContain('Wait 5 minutes');
    expect(throttleMessage(30_000)).toContain('Wait 1 minute ');
  });

  test('says nothing about whether the account exists', () => {
    expect(throttleMessage(60_000)).not.toMatch(/account|user|exist|email/i);
  });
});
