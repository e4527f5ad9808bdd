export { classifyNetwork, listNetworkProviders } from './cloud-networks';
export { createIpEnricher, DEFAULT_CACHE_LIMIT, getIpEnricher, type IpEnricherOptions } from './enricher';
export { ASN_ENV, CITY_ENV } from './sources';
export type {
  DatabaseStatus,
  EnricherStatus,
  IpEnricher,
  IpEnrichment,
  NetworkFlag,
  NetworkKind,
} from './types';
