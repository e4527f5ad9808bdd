// Security-group and CIDR reading. AuthorizeSecurityGroupIngress comes in two shapes: the legacy
// top-level cidrIp/ipProtocol/fromPort/toPort, and ipPermissions.items[].ipRanges.items[].cidrIp
// (ipv6Ranges...cidrIpv6). A /0 prefix is the whole internet whatever its address bits: anonymised
// trails (Stratus) write "208.236.235.254/0", which a literal "0.0.0.0/0" test misses.

import ipaddr from 'ipaddr.js';
import { str } from '@/lib/cloudtrail/fields';
import { at, listOf, numberAt, textAt } from './record';

export interface IngressRule {
  cidr: string;
  protocol: string | null;
  fromPort: number | null;
  toPort: number | null;
}

export function isWorldCidr(cidr: string): boolean {
  return /\/0$/.test(cidr.trim());
}

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

// Rules call this per event with the same (bound) config array: parse each list once.
const parsedLists = new WeakMap<readonly string[], Range[]>();

function rangesOf(trusted: readonly string[]): Range[] {
  let ranges = parsedLists.get(trusted);
  if (!ranges) {
    ranges = trusted.flatMap((entry) => {
      try {
        return [ipaddr.parseCIDR(entry.trim())];
      } catch {
        return [];
      }
    });
    parsedLists.set(trusted, ranges);
  }
  return ranges;
}

/** Whether a CIDR, or a single address (a source IP), lies inside one of the trusted ranges. */
export function cidrWithin(cidr: string, trusted: readonly string[]): boolean {
  if (trusted.length === 0) return false;
  const ranges = rangesOf(trusted);
  try {
    const text = cidr.trim();
    const [address, prefix] = text.includes('/')
      ? ipaddr.parseCIDR(text)
      : ((parsed) => [parsed, parsed.kind() === 'ipv4' ? 32 : 128] as const)(ipaddr.parse(text));
    return ranges.some(
      ([base, bits]) => address.kind() === base.kind() && prefix >= bits && address.match(base, bits),
    );
  } catch {
    return false;
  }
}

export function ingressRules(request: unknown): IngressRule[] {
  const rules: IngressRule[] = [];
  const topCidr = textAt(request, 'cidrIp');
  if (topCidr) {
    rules.push({
      cidr: topCidr,
      protocol: textAt(request, 'ipProtocol'),
      fromPort: numberAt(request, 'fromPort'),
      toPort: numberAt(request, 'toPort'),
    });
  }
  for (const permission of listOf(at(request, 'ipPermissions'))) {
    const protocol = textAt(permission, 'ipProtocol');
    const fromPort = numberAt(permission, 'fromPort');
    const toPort = numberAt(permission, 'toPort');
    const ranges = [
      ...listOf(at(permission, 'ipRanges')).map((range) => textAt(range, 'cidrIp')),
      ...listOf(at(permission, 'ipv6Ranges')).map((range) => textAt(range, 'cidrIpv6')),
    ];
    for (const cidr of ranges) {
      if (cidr) rules.push({ cidr, protocol, fromPort, toPort });
    }
  }
  return rules;
}

export function coversPort(rule: IngressRule, ports: readonly number[]): boolean {
  if (rule.protocol === '-1' || str(rule.protocol)?.toLowerCase() === 'all') return true;
  if (rule.fromPort === null) return false;
  const from = rule.fromPort;
  const to = rule.toPort ?? from;
  return ports.some((port) => port >= from && port <= to);
}

export const REMOTE_ACCESS_PORTS = [21, 22, 23, 445, 3306, 3389, 5432, 5985, 5986, 6379, 9200, 27017];
