import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AsnTable } from './asn-table';

// 2001:db8:: as a 128-bit number, and the halves the table is searched with.
const DB8 = 0x20010db8n << 96n;
const halves = (n: bigint): [bigint, bigint] => [n >> 64n, n & ((1n << 64n) - 1n)];

describe('AsnTable', () => {
  let dir: string;
  let table: AsnTable;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'trailhound-asn-'));
    const v4 = path.join(dir, 'v4.csv');
    const v6 = path.join(dir, 'v6.csv');
    // Out of order on purpose, with quoted organisations and a not-announced (AS0) row.
    writeFileSync(
      v4,
      [
        '16777216,16777471,13335,"Cloudflare, Inc."',
        '134744064,134744319,15169,Google LLC',
        '167772160,167772415,0,Not announced',
        '16777472,16777727,64500,"The ""Quoted"" Net"',
        '',
      ].join('\n'),
    );
    writeFileSync(v6, `${DB8},${DB8 + (1n << 96n) - 1n},64501,Doc Net\r\n`);
    table = AsnTable.load(v4, v6);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('finds IPv4 ranges inclusively at both ends', () => {
    expect(table.lookupV4(16777216)).toEqual({ asn: 13335, org: 'Cloudflare, Inc.' });
    expect(table.lookupV4(16777471)).toEqual({ asn: 13335, org: 'Cloudflare, Inc.' });
    expect(table.lookupV4(16777472)).toEqual({ asn: 64500, org: 'The "Quoted" Net' });
    expect(table.lookupV4(134744072)).toEqual({ asn: 15169, org: 'Google LLC' });
  });

  test('gaps, addresses before the first row and AS0 rows give null', () => {
    expect(table.lookupV4(0)).toBeNull();
    expect(table.lookupV4(16777728)).toBeNull();
    expect(table.lookupV4(167772161)).toBeNull();
    expect(table.lookupV4(0xffffffff)).toBeNull();
  });

  test('finds IPv6 ranges by full 128-bit comparison', () => {
    expect(table.lookupV6(...halves(DB8))).toEqual({ asn: 64501, org: 'Doc Net' });
    expect(table.lookupV6(...halves(DB8 + (1n << 96n) - 1n))).toMatchObject({ asn: 64501 });
    expect(table.lookupV6(...halves(DB8 + (1n << 96n)))).toBeNull();
    expect(table.lookupV6(...halves(DB8 - 1n))).toBeNull();
  });

  test('counts rows it kept', () => {
    expect(table.rowCount).toBe(4);
  });
});
