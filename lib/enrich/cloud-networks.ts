// Flags addresses in cloud, hosting and CDN networks. Rules use it to tell "the SDK on an EC2
// instance" from "a laptop", and "a VPS an attacker rented" from "a home ISP" (anchors R21, R40,
// R48). Decided by the origin ASN first, then by the AS organisation name as a fallback.
//
// Every ASN below was checked against the bundled ASN data (its organisation name is the
// provider's) when the list was written. The list is deliberately short: a provider's
// long tail of regional or acquired ASNs is caught by the name patterns instead, which is why the
// flag says which of the two matched.
//
// Known limits, both inherent in deciding by ASN:
// - A provider's ASN also carries its own corporate and consumer traffic: AS15169 is GCP *and*
//   Google's public services; AS8075 is Azure *and* Office 365; AS13335 is Cloudflare's CDN *and*
//   its WARP VPN egress. The flag means "this network", not "a customer VM".
// - Addresses a customer brings to a cloud (BYOIP) keep the customer's ASN and are not flagged.

import type { NetworkFlag, NetworkKind } from './types';

interface Provider {
  readonly provider: string;
  readonly kind: NetworkKind;
  readonly asns: readonly number[];
  // Matched against the AS organisation name; anchored on word boundaries so that, for example,
  // "Amazonas Telecom" (a Brazilian ISP) or "Google Fiber" (a US ISP) are not flagged.
  readonly org: RegExp;
}

const PROVIDERS: readonly Provider[] = [
  {
    provider: 'aws',
    kind: 'cloud',
    asns: [16509, 14618, 8987, 7224, 38895, 135630],
    org: /\bamazon\b|\baws\b/i,
  },
  // No name fallback on "Google": Google Fiber is a residential ISP.
  { provider: 'google', kind: 'cloud', asns: [15169, 396982, 19527, 139070], org: /\bgoogle cloud\b/i },
  {
    provider: 'azure',
    kind: 'cloud',
    asns: [8075, 8068, 8069, 12076, 3598],
    org: /\bmicrosoft\b|\bazure\b/i,
  },
  { provider: 'oracle', kind: 'cloud', asns: [31898], org: /\boracle\b/i },
  { provider: 'alibaba', kind: 'cloud', asns: [45102, 37963], org: /\balibaba\b|\baliyun\b/i },
  { provider: 'tencent', kind: 'cloud', asns: [132203, 45090], org: /\btencent\b/i },
  { provider: 'huawei', kind: 'cloud', asns: [136907, 55990], org: /\bhuawei cloud\b/i },
  { provider: 'ibm', kind: 'cloud', asns: [36351], org: /\bibm cloud\b|\bsoftlayer\b/i },
  { provider: 'digitalocean', kind: 'hosting', asns: [14061, 393406], org: /\bdigital ?ocean\b/i },
  { provider: 'ovh', kind: 'hosting', asns: [16276, 35540], org: /\bovh\b/i },
  { provider: 'hetzner', kind: 'hosting', asns: [24940, 213230, 212317], org: /\bhetzner\b/i },
  // AS63949 is Linode's network, now named "Akamai Technologies"/"Akamai Connected Cloud"; the
  // ASN match must win over Akamai's CDN name pattern, hence its place before the CDNs.
  { provider: 'linode', kind: 'hosting', asns: [63949], org: /\blinode\b|\bakamai connected cloud\b/i },
  {
    provider: 'vultr',
    kind: 'hosting',
    asns: [20473],
    org: /\bvultr\b|\bchoopa\b|\bthe constant company\b/i,
  },
  { provider: 'scaleway', kind: 'hosting', asns: [12876], org: /\bscaleway\b/i },
  { provider: 'contabo', kind: 'hosting', asns: [51167], org: /\bcontabo\b/i },
  { provider: 'leaseweb', kind: 'hosting', asns: [60781, 16265, 28753], org: /\bleaseweb\b/i },
  { provider: 'hostinger', kind: 'hosting', asns: [47583], org: /\bhostinger\b/i },
  { provider: 'upcloud', kind: 'hosting', asns: [202053], org: /\bupcloud\b/i },
  { provider: 'cloudflare', kind: 'cdn', asns: [13335, 209242], org: /\bcloudflare\b/i },
  { provider: 'akamai', kind: 'cdn', asns: [20940, 16625], org: /\bakamai\b/i },
  { provider: 'fastly', kind: 'cdn', asns: [54113], org: /\bfastly\b/i },
];

const BY_ASN = new Map<number, Provider>();
for (const entry of PROVIDERS) {
  for (const asn of entry.asns) BY_ASN.set(asn, entry);
}

export function classifyNetwork(asn: number | null, org: string | null): NetworkFlag | null {
  if (asn !== null) {
    const entry = BY_ASN.get(asn);
    if (entry) return { kind: entry.kind, provider: entry.provider, matchedBy: 'asn' };
  }
  if (org) {
    for (const entry of PROVIDERS) {
      if (entry.org.test(org)) return { kind: entry.kind, provider: entry.provider, matchedBy: 'org' };
    }
  }
  return null;
}

// For docs and the UI's filter list.
export function listNetworkProviders(): readonly {
  provider: string;
  kind: NetworkKind;
  asns: readonly number[];
}[] {
  return PROVIDERS.map(({ provider, kind, asns }) => ({ provider, kind, asns }));
}
