import { describe, expect, test } from 'vitest';
import { fromUtcInputValue, toUtcInputValue } from '@/lib/format';

describe('datetime-local values are UTC', () => {
  test('an instant becomes its UTC minute, whatever zone it was written in', () => {
    expect(toUtcInputValue('2026-03-14T09:05:42.123Z')).toBe('2026-03-14T09:05');
    expect(toUtcInputValue('2026-03-14T11:05:00+02:00')).toBe('2026-03-14T09:05');
    expect(toUtcInputValue(new Date(Date.UTC(2026, 2, 14, 23, 59)))).toBe('2026-03-14T23:59');
  });

  test('nothing, or a value that is not a time, leaves the field empty', () => {
    expect(toUtcInputValue(undefined)).toBe('');
    expect(toUtcInputValue('')).toBe('');
    expect(toUtcInputValue('not a time')).toBe('');
  });

  test('a field value is read as UTC and round-trips', () => {
    expect(fromUtcInputValue('2026-03-14T09:05')).toBe('2026-03-14T09:05:00.000Z');
    expect(toUtcInputValue(fromUtcInputValue('2026-12-31T23:59'))).toBe('2026-12-31T23:59');
    expect(fromUtcInputValue('')).toBe('');
    expect(fromUtcInputValue('2026-13-40T99:99')).toBe('');
  });
});
