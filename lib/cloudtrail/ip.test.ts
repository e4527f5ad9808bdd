import { describe, expect, test } from 'vitest';
import { loadOtrf, loadStratus } from '../../tests/fixtures/cloudtrail/datasets';
import { classifyIp } from './ip';

describe('classifyIp', () => {
  test.each([
    ['18.236.253.47', '18.236.253.47'],
    ['1.2.3.4', '1.2.3.4'],
    // Documentation ranges stand in for internet hosts in fixtures and demos.
    ['203.0.113.10', '203.0.113.10'],
    ['198.51.100.7', '198.51.100.7'],
    ['2600:1f18:abcd::17', '2600:1f18:abcd::17'],
    ['2001:db8::1', '2001:db8::1'],
  ])('public %s', (raw, ip) => {
    expect(classifyIp(raw)).toEqual({ kind: 'public', ip, raw });
  });

  test.each([
    '10.0.0.5',
    '172.16.4.1',
    '172.31.255.255',
    '192.168.1.1',
    '127.0.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '100.127.255.254',
    '198.18.0.1',
    '::1',
    'fe80::1',
    'fd12:3456:789a::1',
    'fc00::1',
  ])('private %s', (raw) => {
    expect(classifyIp(raw).kind).toBe('private');
    expect(classifyIp(raw).ip).not.toBeNull();
  });

  test('range edges are not private', () => {
    expect(classifyIp('172.32.0.1').kind).toBe('public');
    expect(classifyIp('100.128.0.1').kind).toBe('public');
    expect(classifyIp('11.0.0.1').kind).toBe('public');
  });

  test.each([
    'ec2.amazonaws.com',
    'cloudformation.amazonaws.com',
    'backup.amazonaws.com',
    'ssm-guiconnect.amazonaws.com',
    'lambda.cn-north-1.amazonaws.com.cn',
  ])('aws-service %s', (raw) => {
    expect(classifyIp(raw)).toEqual({ kind: 'aws-service', ip: null, raw });
  });

  test.each(['AWS Internal', 'AWS Internal/3', 'AWS Internal/10'])('aws-internal %s', (raw) => {
    expect(classifyIp(raw)).toEqual({ kind: 'aws-internal', ip: null, raw });
  });

  test.each([
    '',
    'not an ip',
    '256.1.1.1',
    '1.2.3',
    '1.2.3.4.5',
    '1.2.3.4:443',
    '0x7f.0.0.1',
    'example.com',
    'amazonaws.com.evil.example',
    ':::1',
    'AWS Internal/x',
  ])('invalid and not an address: %j', (raw) => {
    expect(classifyIp(raw)).toEqual({ kind: 'invalid', ip: null, raw });
  });

  test.each([
    ['0.0.0.0', '0.0.0.0'],
    ['255.255.255.255', '255.255.255.255'],
    ['224.0.0.1', '224.0.0.1'],
    ['253.252.51.07', '253.252.51.7'],
    ['::', '::'],
    ['ff02::1', 'ff02::1'],
  ])('invalid but still an address (cannot be a source): %s', (raw, ip) => {
    expect(classifyIp(raw)).toEqual({ kind: 'invalid', ip, raw });
  });

  test('zero-padded octets are decimal, never octal', () => {
    expect(classifyIp('075.050.255.67')).toEqual({
      kind: 'public',
      ip: '75.50.255.67',
      raw: '075.050.255.67',
    });
    expect(classifyIp('010.000.000.001')).toEqual({
      kind: 'private',
      ip: '10.0.0.1',
      raw: '010.000.000.001',
    });
    expect(classifyIp('08.1.250.216').ip).toBe('8.1.250.216');
  });

  test('IPv4-mapped IPv6 collapses to the IPv4 address and its kind', () => {
    expect(classifyIp('::ffff:18.236.253.47')).toEqual({
      kind: 'public',
      ip: '18.236.253.47',
      raw: '::ffff:18.236.253.47',
    });
    expect(classifyIp('::ffff:c0a8:0101')).toMatchObject({ kind: 'private', ip: '192.168.1.1' });
  });

  test('IPv6 is canonicalised (RFC 5952: lower case, longest zero run compressed)', () => {
    expect(classifyIp('2001:0DB8:0000:0000:0000:0000:0000:0001').ip).toBe('2001:db8::1');
    expect(classifyIp('2600:1F18:0:0:1:0:0:1').ip).toBe('2600:1f18::1:0:0:1');
    expect(classifyIp('2600:1f18:0000:0000:0000:abcd:0000:0000').ip).toBe('2600:1f18::abcd:0:0');
  });

  test('surrounding whitespace is ignored but raw is kept', () => {
    expect(classifyIp(' 1.2.3.4 ')).toEqual({ kind: 'public', ip: '1.2.3.4', raw: ' 1.2.3.4 ' });
  });

  test('cached results are identical and frozen', () => {
    const first = classifyIp('18.236.253.47');
    expect(classifyIp('18.236.253.47')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  test('every sourceIPAddress in the real datasets classifies, with padded octets normalised', () => {
    const kinds = new Map<string, number>();
    for (const { origin, record } of [...loadStratus(), ...loadOtrf()]) {
      const raw = record.sourceIPAddress as string;
      const result = classifyIp(raw);
      kinds.set(result.kind, (kinds.get(result.kind) ?? 0) + 1);
      if (result.kind !== 'aws-service') {
        // The anonymisers only ever wrote dotted quads; every one must normalise.
        expect(result.ip, origin).toMatch(/^(?:0|[1-9]\d{0,2})(?:\.(?:0|[1-9]\d{0,2})){3}$/);
      }
    }
    expect(kinds.get('aws-service')).toBe(5);
    // OTRF's sanitised 1.2.3.4 plus Stratus's randomised public-range addresses.
    expect(kinds.get('public')).toBeGreaterThan(150);
    // Stratus's anonymiser wrote 240/4 and multicast addresses: not possible sources.
    expect(kinds.get('invalid')).toBeGreaterThan(100);
    expect(kinds.get('private')).toBeUndefined();
  });
});
