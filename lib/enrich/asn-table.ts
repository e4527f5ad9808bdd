// An in-memory ASN range table built from the "-num" CSV files of @ip-location-db/asn
// (`start,end,asn,org`, inclusive ranges, sorted, non-overlapping). That package has no .mmdb
// twin on npm any more, and the CSV is small enough (≈410k IPv4 + 100k IPv6 rows) to load into
// typed arrays in well under a second, after which a lookup is one binary search.

import { readFileSync } from 'node:fs';

export interface AsnHit {
  readonly asn: number;
  readonly org: string | null;
}

const MASK_64 = (1n << 64n) - 1n;

interface Builder {
  orgs: string[];
  orgIndex: Map<string, number>;
}

function internOrg(builder: Builder, org: string): number {
  let index = builder.orgIndex.get(org);
  if (index === undefined) {
    index = builder.orgs.length;
    builder.orgs.push(org);
    builder.orgIndex.set(org, index);
  }
  return index;
}

// The first three fields are numbers and never quoted; the organisation may be quoted with
// embedded commas and doubled quotes ("Cloudflare, Inc.").
function splitRow(line: string): [string, string, string, string] | null {
  const a = line.indexOf(',');
  const b = line.indexOf(',', a + 1);
  const c = line.indexOf(',', b + 1);
  if (a < 0 || b < 0 || c < 0) return null;
  let org = line.slice(c + 1);
  if (org.startsWith('"') && org.endsWith('"')) org = org.slice(1, -1).replaceAll('""', '"');
  return [line.slice(0, a), line.slice(a + 1, b), line.slice(b + 1, c), org];
}

function* rows(path: string): Generator<[string, string, number, string]> {
  const text = readFileSync(path, 'utf8');
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trimEnd();
    start = end + 1;
    const fields = line ? splitRow(line) : null;
    if (!fields) continue;
    const asn = Number(fields[2]);
    // ASN 0 means "not announced"; treat like a missing row.
    if (!Number.isInteger(asn) || asn <= 0) continue;
    yield [fields[0], fields[1], asn, fields[3]];
  }
}

function upperBound(length: number, isAfter: (index: number) => boolean): number {
  // Index of the last row whose start is <= the address, or -1.
  let lo = 0;
  let hi = length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (isAfter(mid)) hi = mid - 1;
    else {
      found = mid;
      lo = mid + 1;
    }
  }
  return found;
}

export class AsnTable {
  private constructor(
    private readonly orgs: readonly string[],
    private readonly v4Start: Uint32Array,
    private readonly v4End: Uint32Array,
    private readonly v4Asn: Uint32Array,
    private readonly v4Org: Uint32Array,
    // IPv6 bounds are 128-bit; kept as (high, low) 64-bit halves so comparisons stay on typed
    // arrays instead of a BigInt per row.
    private readonly v6StartHi: BigUint64Array,
    private readonly v6StartLo: BigUint64Array,
    private readonly v6EndHi: BigUint64Array,
    private readonly v6EndLo: BigUint64Array,
    private readonly v6Asn: Uint32Array,
    private readonly v6Org: Uint32Array,
  ) {}

  static load(ipv4NumCsv: string, ipv6NumCsv: string): AsnTable {
    const builder: Builder = { orgs: [], orgIndex: new Map() };

    const v4: [number, number, number, number][] = [];
    for (const [start, end, asn, org] of rows(ipv4NumCsv)) {
      v4.push([Number(start), Number(end), asn, internOrg(builder, org)]);
    }
    const v6: [bigint, bigint, number, number][] = [];
    for (const [start, end, asn, org] of rows(ipv6NumCsv)) {
      v6.push([BigInt(start), BigInt(end), asn, internOrg(builder, org)]);
    }
    // The files are sorted already; sorting again costs little and makes the binary search's
    // precondition this module's own guarantee rather than the data publisher's.
    v4.sort((x, y) => x[0] - y[0]);
    v6.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));

    return new AsnTable(
      builder.orgs,
      Uint32Array.from(v4, (r) => r[0]),
      Uint32Array.from(v4, (r) => r[1]),
      Uint32Array.from(v4, (r) => r[2]),
      Uint32Array.from(v4, (r) => r[3]),
      BigUint64Array.from(v6, (r) => r[0] >> 64n),
      BigUint64Array.from(v6, (r) => r[0] & MASK_64),
      BigUint64Array.from(v6, (r) => r[1] >> 64n),
      BigUint64Array.from(v6, (r) => r[1] & MASK_64),
      Uint32Array.from(v6, (r) => r[2]),
      Uint32Array.from(v6, (r) => r[3]),
    );
  }

  get rowCount(): number {
    return this.v4Start.length + this.v6Asn.length;
  }

  private hit(asn: number, org: number): AsnHit {
    return { asn, org: this.orgs[org] || null };
  }

  lookupV4(address: number): AsnHit | null {
    const i = upperBound(this.v4Start.length, (k) => (this.v4Start[k] as number) > address);
    if (i < 0 || address > (this.v4End[i] as number)) return null;
    return this.hit(this.v4Asn[i] as number, this.v4Org[i] as number);
  }

  lookupV6(hi: bigint, lo: bigint): AsnHit | null {
    const i = upperBound(this.v6Asn.length, (k) => {
      const startHi = this.v6StartHi[k] as bigint;
      return startHi > hi || (startHi === hi && (this.v6StartLo[k] as bigint) > lo);
    });
    if (i < 0) return null;
    const endHi = this.v6EndHi[i] as bigint;
    if (hi > endHi || (hi === endHi && lo > (this.v6EndLo[i] as bigint))) return null;
    return this.hit(this.v6Asn[i] as number, this.v6Org[i] as number);
  }
}
