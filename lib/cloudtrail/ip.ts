// Classifies CloudTrail's sourceIPAddress, which is not always an IP: it can be a service hostname
// ("ec2.amazonaws.com") when a service called on the principal's behalf, or "AWS Internal" /
// "AWS Internal/3" for console back-ends. Only `public` addresses should be sent to GeoIP/ASN
// enrichment (as SOF-ELK does).
//
// Kinds:
//   public        a globally routable unicast address, v4 or v6. Documentation ranges (192.0.2/24,
//                 198.51.100/24, 203.0.113/24, 2001:db8::/32) count as public on purpose: they are
//                 the standard stand-ins for "some internet host" in fixtures, demos and anonymised
//                 datasets, and rules should treat them that way.
//   private       not reachable from the internet but a plausible caller: RFC 1918, loopback,
//                 link-local, CGNAT (100.64/10), benchmarking (198.18/15), IPv6 unique local and
//                 site-local. Seen for calls through VPC endpoints.
//   aws-service   a hostname ending in amazonaws.com(.cn).
//   aws-internal  "AWS Internal" or "AWS Internal/<n>".
//   invalid       anything else: not an address, or an address that cannot be the source of a TCP
//                 connection (unspecified 0/8, multicast, broadcast, 240/4 "future use"). For the
//                 latter `ip` is still returned normalised so it can be displayed and searched; the
//                 Stratus Red Team dataset's anonymiser produced hundreds of 25x.x.x.x sources.

import ipaddr from 'ipaddr.js';

export type IpKind = 'public' | 'private' | 'aws-service' | 'aws-internal' | 'invalid';

export interface IpClassification {
  readonly kind: IpKind;
  // Canonical text form: decimal dotted quad for IPv4 (also for IPv4-mapped IPv6), RFC 5952
  // compressed lower-case for IPv6. null when the value is not an address.
  readonly ip: string | null;
  readonly raw: string;
}

const PRIVATE_RANGES = new Set([
  'private',
  'loopback',
  'linkLocal',
  'carrierGradeNat',
  'benchmarking',
  'uniqueLocal',
  'deprecatedSiteLocal',
]);
const UNUSABLE_RANGES = new Set(['unspecified', 'multicast', 'broadcast', 'discard', 'segmentRouting']);

const DOCUMENTATION_V4: [ipaddr.IPv4, number][] = [
  [ipaddr.IPv4.parse('192.0.2.0'), 24],
  [ipaddr.IPv4.parse('198.51.100.0'), 24],
  [ipaddr.IPv4.parse('203.0.113.0'), 24],
];
const DOCUMENTATION_V6: [ipaddr.IPv6, number] = [ipaddr.IPv6.parse('2001:db8::'), 32];
const FUTURE_USE_V4: [ipaddr.IPv4, number] = [ipaddr.IPv4.parse('240.0.0.0'), 4];

// Strictly four decimal groups of 1-3 digits. Leading zeros (the anonymised "075.050.255.67") are
// decimal here: ipaddr.js, like inet_aton, would read them as *octal* and return 61.40.255.67, a
// different host. CloudTrail never means octal.
const DOTTED_QUAD_RE = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const AWS_INTERNAL_RE = /^AWS Internal(?:\/\d+)?$/;
// A DNS name (no spaces, no colons) under amazonaws.com or the China partition's amazonaws.com.cn.
const AWS_HOSTNAME_RE = /^(?:[a-z0-9-]+\.)+amazonaws\.com(?:\.cn)?$/i;

function classifyV4(address: ipaddr.IPv4): IpKind {
  const range = address.range();
  if (PRIVATE_RANGES.has(range)) return 'private';
  if (UNUSABLE_RANGES.has(range)) return 'invalid';
  if (range === 'reserved') {
    if (DOCUMENTATION_V4.some((cidr) => address.match(cidr))) return 'public';
    if (address.match(FUTURE_USE_V4)) return 'invalid';
    // 192.0.0.0/24 (IETF protocol assignments) and 192.88.99.0/24 (old 6to4 relays): real but
    // non-global; the safest reading for enrichment is "not public".
    return 'private';
  }
  return 'public';
}

function classifyV6(address: ipaddr.IPv6): IpKind {
  const range = address.range();
  if (PRIVATE_RANGES.has(range)) return 'private';
  if (UNUSABLE_RANGES.has(range)) return 'invalid';
  if (range === 'reserved' && !address.match(DOCUMENTATION_V6)) return 'private';
  // Everything else (global unicast, teredo, 6to4, NAT64, documentation) is internet-routable.
  return 'public';
}

function classifyUncached(raw: string): IpClassification {
  const value = raw.trim();
  if (AWS_INTERNAL_RE.test(value)) return { kind: 'aws-internal', ip: null, raw };

  const quad = DOTTED_QUAD_RE.exec(value);
  if (quad) {
    const octets = [Number(quad[1]), Number(quad[2]), Number(quad[3]), Number(quad[4])];
    if (octets.some((octet) => octet > 255)) return { kind: 'invalid', ip: null, raw };
    const address = new ipaddr.IPv4(octets);
    return { kind: classifyV4(address), ip: address.toString(), raw };
  }

  if (value.includes(':') && ipaddr.IPv6.isValid(value)) {
    const address = ipaddr.IPv6.parse(value);
    // One host must have one spelling, or "new IP for this principal" rules fire on a re-spelling.
    if (address.isIPv4MappedAddress()) {
      const v4 = address.toIPv4Address();
      return { kind: classifyV4(v4), ip: v4.toString(), raw };
    }
    return { kind: classifyV6(address), ip: address.toRFC5952String(), raw };
  }

  if (AWS_HOSTNAME_RE.test(value)) return { kind: 'aws-service', ip: null, raw };
  return { kind: 'invalid', ip: null, raw };
}

// A trail's sources repeat heavily (a handful of NAT gateways, service hostnames), and ipaddr.js
// range matching is the costliest part of classification, so results are memoised. Bounded by
// wiping rather than LRU bookkeeping: a wipe every 50k distinct values costs nothing measurable.
const CACHE_LIMIT = 50_000;
const cache = new Map<string, IpClassification>();

// Callers map an absent sourceIPAddress to null themselves (insights have none); an empty string
// is treated as present-but-invalid.
export function classifyIp(raw: string): IpClassification {
  let result = cache.get(raw);
  if (result === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    // Frozen because the same object is handed to every caller with this input.
    result = Object.freeze(classifyUncached(raw));
    cache.set(raw, result);
  }
  return result;
}
