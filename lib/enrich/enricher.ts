// The IP enricher ingest calls for each new public sourceIPAddress. Opening reads ~130 MB of
// city data and parses the ASN table (about a second), so it happens on first use, once per
// process; after that a lookup is synchronous and allocation-light.

import { classifyIp } from '../cloudtrail/ip';
import type { AsnHit } from './asn-table';
import { classifyNetwork } from './cloud-networks';
import {
  type CityHit,
  type EnvVars,
  type OpenedSource,
  openAsnSource,
  openCitySource,
  type Source,
} from './sources';
import type { DatabaseStatus, EnricherStatus, IpEnricher, IpEnrichment } from './types';

export const DEFAULT_CACHE_LIMIT = 20_000;

export interface IpEnricherOptions {
  // Where TRAILHOUND_GEOIP_* are read from; tests pass their own instead of mutating process.env.
  readonly env?: EnvVars;
  readonly cacheLimit?: number;
  // Where warnings go once, when the databases are opened. Defaults to console.warn so a missing
  // database shows in the server log as well as in status().
  readonly warn?: (message: string) => void;
}

interface Opened {
  readonly city: Source<CityHit> | null;
  readonly asn: Source<AsnHit> | null;
  readonly databases: readonly DatabaseStatus[];
}

class OfflineIpEnricher implements IpEnricher {
  private opened: Opened | null = null;
  private readonly warnings: string[] = [];
  // Map iteration order is insertion order, so re-inserting on a hit and evicting the first key
  // gives least-recently-used eviction without extra bookkeeping.
  private readonly cache = new Map<string, IpEnrichment | null>();
  private readonly cacheLimit: number;
  private readonly env: EnvVars;
  private readonly warn: (message: string) => void;
  private lookupFailures = 0;

  constructor(options: IpEnricherOptions) {
    this.env = options.env ?? process.env;
    this.cacheLimit = Math.max(1, Math.floor(options.cacheLimit ?? DEFAULT_CACHE_LIMIT));
    this.warn = options.warn ?? ((message) => console.warn(`[enrich] ${message}`));
  }

  private open(): Opened {
    if (this.opened) return this.opened;
    const city = this.adopt(openCitySource(this.env));
    const asn = this.adopt(openAsnSource(this.env));
    this.opened = { city: city.source, asn: asn.source, databases: [city.status, asn.status] };
    return this.opened;
  }

  private adopt<T>(opened: OpenedSource<T>): OpenedSource<T> {
    for (const message of opened.warnings) this.addWarning(message);
    return opened;
  }

  private addWarning(message: string): void {
    this.warnings.push(message);
    this.warn(message);
  }

  // A corrupt file can open fine and throw on a later lookup; that must cost the one field, not
  // the ingest job. Only the first failure is reported, or a bad file would flood the log.
  private safely<T>(source: Source<T> | null, ip: string, isV6: boolean): T | null {
    if (!source) return null;
    try {
      return source.lookup(ip, isV6);
    } catch (error) {
      this.lookupFailures += 1;
      if (this.lookupFailures === 1) {
        const reason = error instanceof Error ? error.message : String(error);
        this.addWarning(
          `Lookup in ${source.status.source} failed for ${ip} (${reason}); those fields are empty.`,
        );
      }
      return null;
    }
  }

  lookup(raw: string): IpEnrichment | null {
    const classified = classifyIp(raw);
    if (classified.kind !== 'public' || classified.ip === null) return null;
    const ip = classified.ip;

    const cached = this.cache.get(ip);
    if (cached !== undefined) {
      this.cache.delete(ip);
      this.cache.set(ip, cached);
      return cached;
    }

    const { city, asn } = this.open();
    const isV6 = ip.includes(':');
    const place = this.safely(city, ip, isV6);
    const as = this.safely(asn, ip, isV6);
    const result: IpEnrichment = Object.freeze({
      ip,
      countryCode: place?.countryCode ?? null,
      countryName: place?.countryName ?? null,
      region: place?.region ?? null,
      city: place?.city ?? null,
      latitude: place?.latitude ?? null,
      longitude: place?.longitude ?? null,
      asn: as?.asn ?? null,
      asnOrg: as?.org ?? null,
      network: as ? classifyNetwork(as.asn, as.org) : null,
    });

    if (this.cache.size >= this.cacheLimit) {
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    this.cache.set(ip, result);
    return result;
  }

  status(): EnricherStatus {
    const { databases } = this.open();
    return {
      databases,
      warnings: [...this.warnings],
      cache: { size: this.cache.size, limit: this.cacheLimit },
    };
  }
}

// A fresh enricher with its own cache and databases; for tests, benchmarks and tools that need
// a configuration other than the process environment.
export function createIpEnricher(options: IpEnricherOptions = {}): IpEnricher {
  return new OfflineIpEnricher(options);
}

let shared: IpEnricher | null = null;

// The process-wide enricher, configured from process.env on first use. Changing the env vars
// afterwards has no effect until the process restarts.
export function getIpEnricher(): IpEnricher {
  shared ??= createIpEnricher();
  return shared;
}
