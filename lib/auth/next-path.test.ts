import { expect, test } from 'vitest';
import { safeNextPath } from './next-path';

test('keeps local paths with their query and hash', () => {
  expect(safeNextPath('/findings')).toBe('/findings');
  expect(safeNextPath('/principals/user%2Fdana?from=2025-01-01&rule=x#t')).toBe(
    '/principals/user%2Fdana?from=2025-01-01&rule=x#t',
  );
});

test('falls back to the overview when missing', () => {
  expect(safeNextPath(undefined)).toBe('/overview');
  expect(safeNextPath(null)).toBe('/overview');
  expect(safeNextPath('')).toBe('/overview');
});

test.each([
  'https://evil.example/',
  '//evil.example/path',
  '/\\evil.example',
  '\\\\evil.example',
  'javascript:alert(1)',
  'evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  `/${'a'.repeat(3000)}`,
])('refuses %j, which could leave the site', (raw) => {
  expect(safeNextPath(raw)).toBe('/overview');
});

test('does not send the user back to the login page', () => {
  expect(safeNextPath('/login')).toBe('/overview');
  expect(safeNextPath('/login?next=/login')).toBe('/overview');
});

test('normalises dot segments instead of trusting them', () => {
  expect(safeNextPath('/a/../settings')).toBe('/settings');
  expect(safeNextPath('/../../etc')).toBe('/etc');
});
