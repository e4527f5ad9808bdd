import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createIpEnricher, getIpEnricher } from './enricher';
import { ASN_ENV, CITY_ENV } from './sources';
import { writeMmdb } from './test-mmdb-writer';
import type { IpEnricher } from './types';

const quiet = () => {};

describe('bundled databases', () => {
  let enricher: IpEnricher;
  beforeAll(() => {
    enricher = createIpEnricher({ env: {}, warn: quiet });
  });

  test('8.8.8.8 is Google, AS15169, in the US', () => {
    expect(enricher.lookup('8.8.8.8')).toMatchObject({
      ip: '8.8.8.8',
      countryCode: 'US',
      countryName: 'United States',
      asn: 15169,
      asnOrg: 'Google LLC',
      network: { provider: 'google', kind: 'cloud', matchedBy: 'asn' },
    });
  });

  test('an EC2 us-east-1 address is Amazon and flagged as AWS cloud, with city and coordinates', () => {
    // 54.80.0.0/13 is in AWS's published ip-ranges.json as EC2 us-east-1.
    const result = enricher.lookup('54.80.0.1');
    expect(result?.asn === 16509 || result?.asn === 14618).toBe(true);
    expect(result?.asnOrg).toMatch(/amazon/i);
    expect(result?.network).toEqual({ kind: 'cloud', provider: 'aws', matchedBy: 'asn' });
    expect(result?.countryCode).toBe('US');
    expect(result?.city).toEqual(expect.any(String));
    expect(result?.latitude).toEqual(expect.any(Number));
    expect(result?.longitude).toEqual(expect.any(Number));
  });

  test('IPv6: Google public DNS and an AWS range', () => {
    expect(enricher.lookup('2001:4860:4860::8888')).toMatchObject({
      asn: 15169,
      network: { provider: 'google' },
    });
    const aws = enricher.lookup('2600:1f18::1');
    expect(aws?.network?.provider).toBe('aws');
    expect(aws?.countryCode).toBe('US');
  });

  test('IPv4-mapped IPv6 is looked up as the IPv4 host', () => {
    expect(enricher.lookup('::ffff:8.8.4.4')).toMatchObject({ ip: '8.8.4.4', asn: 15169 });
  });

  test('a residential ISP address is not flagged', () => {
    // 24.0.0.0/12 is Comcast's.
    const result = enricher.lookup('24.0.0.1');
    expect(result?.asn).toEqual(expect.any(Number));
    expect(result?.network).toBeNull();
  });

  test.each([
    '10.1.2.3',
    '192.168.0.1',
    '127.0.0.1',
    'fe80::1',
    'fd00::1',
    'AWS Internal',
    'ec2.amazonaws.com',
    '0.0.0.0',
    '',
  ])('non-public %j gives null', (raw) => {
    expect(enricher.lookup(raw)).toBeNull();
  });

  test('status names the bundled sources, their licence and build dates, with no warnings', () => {
    const status = enricher.status();
    expect(status.warnings).toEqual([]);
    const [city, asn] = status.databases;
    expect(city).toMatchObject({
      kind: 'city',
      loaded: true,
      origin: 'bundled',
      licence: expect.stringMatching(/CC BY 4\.0/),
    });
    expect(city?.source).toMatch(/DB-IP/);
    expect(city?.buildDate).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(asn).toMatchObject({
      kind: 'asn',
      loaded: true,
      origin: 'bundled',
      licence: expect.stringMatching(/CC BY 4\.0/),
    });
    expect(asn?.buildDate).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  test('getIpEnricher returns one instance per process', () => {
    expect(getIpEnricher()).toBe(getIpEnricher());
  });
});

describe('user-supplied MaxMind files', () => {
  let dir: string;
  let cityFile: string;
  let asnFile: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'trailhound-enrich-'));
    cityFile = path.join(dir, 'GeoLite2-City.mmdb');
    asnFile = path.join(dir, 'GeoLite2-ASN.mmdb');
    writeFileSync(
      cityFile,
      writeMmdb({
        databaseType: 'GeoLite2-City',
        buildEpochSeconds: 1_767_225_600,
        networks: [
          {
            cidr: '8.8.8.0/24',
            data: {
              city: { geoname_id: 1, names: { en: 'Testville' } },
              country: { iso_code: 'NZ', names: { en: 'New Zealand' } },
              location: { latitude: -41.5, longitude: 174.25, accuracy_radius: 100 },
              subdivisions: [{ iso_code: 'WGN', names: { en: 'Wellington' } }],
            },
          },
          // No located country: the registrant's country is used instead.
          {
            cidr: '2001:db8::/32',
            data: { registered_country: { iso_code: 'DE', names: { en: 'Germany' } } },
          },
        ],
      }),
    );
    writeFileSync(
      asnFile,
      writeMmdb({
        databaseType: 'GeoLite2-ASN',
        networks: [
          {
            cidr: '8.8.8.0/24',
            data: { autonomous_system_number: 64_500, autonomous_system_organization: 'Test Net' },
          },
          {
            cidr: '2001:db8::/32',
            data: { autonomous_system_number: 16_509, autonomous_system_organization: 'X' },
          },
        ],
      }),
    );
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('override both databases with GeoLite2-shaped files', () => {
    const enricher = createIpEnricher({ env: { [CITY_ENV]: cityFile, [ASN_ENV]: asnFile }, warn: quiet });
    expect(enricher.lookup('8.8.8.8')).toEqual({
      ip: '8.8.8.8',
      countryCode: 'NZ',
      countryName: 'New Zealand',
      region: 'Wellington',
      city: 'Testville',
      latitude: -41.5,
      longitude: 174.25,
      asn: 64_500,
      asnOrg: 'Test Net',
      network: null,
    });
    expect(enricher.lookup('2001:db8::5')).toMatchObject({
      countryCode: 'DE',
      city: null,
      latitude: null,
      asn: 16_509,
      network: { provider: 'aws', matchedBy: 'asn' },
    });
    // Not in the user's files: no silent fallback to the bundled data.
    expect(enricher.lookup('1.1.1.1')).toMatchObject({ countryCode: null, asn: null });

    const status = enricher.status();
    expect(status.warnings).toEqual([]);
    expect(status.databases.map((d) => [d.kind, d.origin, d.files[0]])).toEqual([
      ['city', 'env', cityFile],
      ['asn', 'env', asnFile],
    ]);
    expect(status.databases[0]?.source).toMatch(/GeoLite2-City/);
    expect(status.databases[0]?.buildDate).toBe('2026-01-01T00:00:00.000Z');
  });

  test('override only the ASN database; city stays bundled', () => {
    const enricher = createIpEnricher({ env: { [ASN_ENV]: asnFile }, warn: quiet });
    expect(enricher.lookup('8.8.8.8')).toMatchObject({ countryCode: 'US', asn: 64_500 });
    expect(enricher.status().databases.map((d) => d.origin)).toEqual(['bundled', 'env']);
  });

  test('a missing file gives a warning and nulls, not a crash', () => {
    const warned: string[] = [];
    const missing = path.join(dir, 'nope.mmdb');
    const enricher = createIpEnricher({
      env: { [CITY_ENV]: missing, [ASN_ENV]: missing },
      warn: (m) => warned.push(m),
    });
    expect(enricher.lookup('8.8.8.8')).toEqual({
      ip: '8.8.8.8',
      countryCode: null,
      countryName: null,
      region: null,
      city: null,
      latitude: null,
      longitude: null,
      asn: null,
      asnOrg: null,
      network: null,
    });
    const status = enricher.status();
    expect(status.databases.every((d) => !d.loaded && d.origin === 'env')).toBe(true);
    expect(status.warnings).toHaveLength(2);
    expect(status.warnings[0]).toContain(CITY_ENV);
    expect(status.warnings[1]).toContain(ASN_ENV);
    // Reported once, when the databases were opened, not per lookup.
    expect(warned).toEqual(status.warnings);
  });

  test('a file that is not an mmdb, or the wrong kind of mmdb, is refused with a warning', () => {
    const garbage = path.join(dir, 'garbage.mmdb');
    writeFileSync(garbage, 'not a database');
    const enricher = createIpEnricher({ env: { [CITY_ENV]: asnFile, [ASN_ENV]: garbage }, warn: quiet });
    expect(enricher.lookup('8.8.8.8')).toMatchObject({ countryCode: null, asn: null });
    const { warnings } = enricher.status();
    expect(warnings[0]).toMatch(/"GeoLite2-ASN" database, not a city one/);
    expect(warnings[1]).toMatch(/could not be opened/);
  });
});

describe('cache', () => {
  test('holds at most cacheLimit entries and keeps the recently used ones', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trailhound-enrich-cache-'));
    try {
      const asnFile = path.join(dir, 'asn.mmdb');
      writeFileSync(
        asnFile,
        writeMmdb({
          databaseType: 'GeoLite2-ASN',
          networks: [
            {
              cidr: '11.0.0.0/8',
              data: { autonomous_system_number: 1, autonomous_system_organization: 'A' },
            },
          ],
        }),
      );
      const missing = path.join(dir, 'missing.mmdb');
      const enricher = createIpEnricher({
        env: { [CITY_ENV]: missing, [ASN_ENV]: asnFile },
        cacheLimit: 3,
        warn: quiet,
      });
      const first = enricher.lookup('11.0.0.1');
      enricher.lookup('11.0.0.2');
      enricher.lookup('11.0.0.3');
      // Touch the first so the second becomes the least recently used.
      expect(enricher.lookup('11.0.0.1')).toBe(first);
      enricher.lookup('11.0.0.4');
      expect(enricher.status().cache).toEqual({ size: 3, limit: 3 });
      expect(enricher.lookup('11.0.0.1')).toBe(first);
      for (let i = 0; i < 100; i++) enricher.lookup(`11.0.1.${i}`);
      expect(enricher.status().cache.size).toBe(3);
      // Non-public inputs never reach the cache.
      enricher.lookup('10.0.0.1');
      expect(enricher.status().cache.size).toBe(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
