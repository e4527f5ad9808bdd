// Shapes shared by the enricher and its callers (ingest writes these onto the stored IP row).

export type NetworkKind = 'cloud' | 'hosting' | 'cdn';

export interface NetworkFlag {
  readonly kind: NetworkKind;
  // Stable lower-case id for rules and filters ("aws", "gcp", "azure", "hetzner", ...).
  readonly provider: string;
  // How the flag was decided: an exact ASN match is reliable; an organisation-name match is a
  // fallback for the provider's smaller or newer ASNs and can, rarely, be wrong.
  readonly matchedBy: 'asn' | 'org';
}

export interface IpEnrichment {
  readonly ip: string;
  readonly countryCode: string | null;
  readonly countryName: string | null;
  // First-level subdivision (state, province), when the database has one.
  readonly region: string | null;
  readonly city: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly asn: number | null;
  readonly asnOrg: string | null;
  readonly network: NetworkFlag | null;
}

export type DatabaseKind = 'city' | 'asn';

export interface DatabaseStatus {
  readonly kind: DatabaseKind;
  readonly loaded: boolean;
  // 'bundled' = shipped in node_modules; 'env' = a file named by TRAILHOUND_GEOIP_*_MMDB.
  readonly origin: 'bundled' | 'env';
  // Human-readable name of the data set, e.g. "DB-IP IP to City Lite".
  readonly source: string;
  readonly licence: string;
  // Attribution the licence requires wherever results are shown.
  readonly attribution: string;
  readonly files: readonly string[];
  // ISO-8601 date the data was built, when the files say so.
  readonly buildDate: string | null;
}

export interface EnricherStatus {
  readonly databases: readonly DatabaseStatus[];
  readonly warnings: readonly string[];
  readonly cache: { readonly size: number; readonly limit: number };
}

export interface IpEnricher {
  // Synchronous: ingest calls it once per new public address. null for anything that is not a
  // public address; fields are null where a database is missing or has no answer.
  lookup(ip: string): IpEnrichment | null;
  status(): EnricherStatus;
}
