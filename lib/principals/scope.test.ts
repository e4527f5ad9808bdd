import { describe, expect, test } from 'vitest';
import { resolveScope, scopeWindowParams } from './scope';

const last = new Date('2026-10-25T10:20:00Z');

describe('principal scope', () => {
  test('defaults to the 7 days up to the last activity, with the 30 days before as baseline', () => {
    const { scope, baseline, explicit } = resolveScope({}, last);
    expect(scope).toEqual({ from: new Date('2026-10-18T11:00:00Z'), to: new Date('2026-10-25T11:00:00Z') });
    expect(baseline).toEqual({
      from: new Date('2026-09-18T11:00:00Z'),
      to: new Date('2026-10-18T11:00:00Z'),
    });
    expect(explicit).toBe(false);
  });

  test('a scope from the URL moves the default baseline with it', () => {
    const { scope, baseline } = resolveScope(
      { from: '2026-10-25T00:00:00Z', to: '2026-10-26T00:00:00Z' },
      last,
    );
    expect(scope.from.toISOString()).toBe('2026-10-25T00:00:00.000Z');
    expect(baseline).toEqual({
      from: new Date('2026-09-25T00:00:00Z'),
      to: new Date('2026-10-25T00:00:00Z'),
    });
  });

  test('an explicit baseline is kept; garbage and reversed windows fall back to something sane', () => {
    const custom = resolveScope(
      {
        from: '2026-10-25T00:00:00Z',
        to: '2026-10-26T00:00:00Z',
        bfrom: '2026-10-01T00:00:00Z',
        bto: '2026-10-10T00:00:00Z',
      },
      last,
    );
    expect(custom.baseline.to.toISOString()).toBe('2026-10-10T00:00:00.000Z');
    expect(scopeWindowParams(custom.scope, custom.baseline).bfrom).toEqual(custom.baseline.from);

    const junk = resolveScope({ from: '<script>', to: ['2026-10-26T00:00:00Z', 'x'] }, last);
    expect(junk.scope.to.toISOString()).toBe('2026-10-26T00:00:00.000Z');
    expect(junk.scope.from.getTime()).toBeLessThan(junk.scope.to.getTime());

    const reversed = resolveScope({ from: '2026-10-26T00:00:00Z', to: '2026-10-25T00:00:00Z' }, last);
    expect(reversed.scope.from.getTime()).toBeLessThan(reversed.scope.to.getTime());
  });

  test('the default baseline stays out of shared URLs', () => {
    const { scope, baseline } = resolveScope({}, last);
    expect(scopeWindowParams(scope, baseline)).toEqual({
      from: scope.from,
      to: scope.to,
      bfrom: undefined,
      bto: undefined,
    });
  });
});
