import { describe, expect, test } from 'vitest';
import { clientIp, isSecureRequest, readCookie } from './request-meta';

describe('clientIp', () => {
  test('takes the right-most x-forwarded-for entry, the one the nearest proxy added', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '6.6.6.6, 10.0.0.7' }))).toBe('10.0.0.7');
    expect(clientIp(new Headers({ 'x-forwarded-for': '203.0.113.9' }))).toBe('203.0.113.9');
  });

  test('falls back to x-real-ip, then to nothing', () => {
    expect(clientIp(new Headers({ 'x-real-ip': '198.51.100.1' }))).toBe('198.51.100.1');
    expect(clientIp(new Headers())).toBeNull();
  });

  test('caps a forged oversized value', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': 'x'.repeat(500) }))).toHaveLength(64);
  });
});

describe('isSecureRequest', () => {
  test('follows x-forwarded-proto from a TLS-terminating proxy', () => {
    expect(isSecureRequest(new Headers({ 'x-forwarded-proto': 'https' }), undefined, {})).toBe(true);
    expect(isSecureRequest(new Headers({ 'x-forwarded-proto': 'https,http' }), undefined, {})).toBe(true);
    expect(isSecureRequest(new Headers({ 'x-forwarded-proto': 'http' }), 'https://x/', {})).toBe(false);
  });

  test('uses the request URL when no proxy header is present', () => {
    expect(isSecureRequest(new Headers(), 'https://trailhound.example/login', {})).toBe(true);
    expect(isSecureRequest(new Headers(), 'http://localhost:3000/login', {})).toBe(false);
    expect(isSecureRequest(new Headers(), undefined, {})).toBe(false);
  });

  test('TRAILHOUND_SECURE_COOKIES=1 forces it', () => {
    expect(
      isSecureRequest(new Headers({ 'x-forwarded-proto': 'http' }), undefined, {
        TRAILHOUND_SECURE_COOKIES: '1',
      }),
    ).toBe(true);
  });
});

describe('readCookie', () => {
  test('finds one cookie among several', () => {
    expect(readCookie('a=1; th_session=abc_DEF-123; b=2', 'th_session')).toBe('abc_DEF-123');
    expect(readCookie('th_session_old=x; th_session=y', 'th_session')).toBe('y');
  });

  test('returns undefined when absent', () => {
    expect(readCookie(null, 'th_session')).toBeUndefined();
    expect(readCookie('a=1', 'th_session')).toBeUndefined();
  });
});
