import { expect, test } from 'vitest';
import { inertJson } from './json';

test('markup characters are escaped, and the text parses back to the same value', () => {
  const value = { userAgent: '<script>alert(1)</script>', bucket: 'a&b', line: 'x\u2028y' };
  const text = inertJson(value);
  expect(text).not.toMatch(/[<>&\u2028]/);
  expect(text).toContain('\\u003cscript\\u003e');
  expect(JSON.parse(text)).toEqual(value);
});
