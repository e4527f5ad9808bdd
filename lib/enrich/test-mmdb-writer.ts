// Test-only: writes a tiny MaxMind DB (format 2.0, IPv6 tree, 24-bit records) so the override
// path is tested with a real GeoLite2-shaped file without shipping one. No maintained mmdb
// writer exists on npm for Node; the format is small enough to write by hand
// (https://maxmind.github.io/MaxMind-DB/). Supports only what the tests need: maps, arrays,
// UTF-8 strings, uint32 (integers), doubles, and an IPv4 subtree at ::/96.

import ipaddr from 'ipaddr.js';

export type MmdbValue = string | number | readonly MmdbValue[] | { readonly [key: string]: MmdbValue };

export interface MmdbNetwork {
  readonly cidr: string;
  readonly data: MmdbValue;
}

const TYPE = { string: 2, double: 3, uint16: 5, uint32: 6, map: 7, uint64: 9, array: 11 } as const;

function control(type: number, size: number): Buffer {
  const head: number[] = [];
  let extra: number[] = [];
  let sizeBits = size;
  if (size >= 65821) throw new Error('value too large for the test writer');
  if (size >= 285) {
    sizeBits = 30;
    extra = [((size - 285) >> 8) & 0xff, (size - 285) & 0xff];
  } else if (size >= 29) {
    sizeBits = 29;
    extra = [size - 29];
  }
  if (type <= 7) head.push((type << 5) | sizeBits);
  else head.push(sizeBits, type - 7);
  return Buffer.from([...head, ...extra]);
}

function uint(type: number, value: number | bigint): Buffer {
  const bytes: number[] = [];
  let v = BigInt(value);
  while (v > 0n) {
    bytes.unshift(Number(v & 0xffn));
    v >>= 8n;
  }
  return Buffer.concat([control(type, bytes.length), Buffer.from(bytes)]);
}

function encode(value: MmdbValue): Buffer {
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    return Buffer.concat([control(TYPE.string, bytes.length), bytes]);
  }
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 0 && value <= 0xffffffff) return uint(TYPE.uint32, value);
    const bytes = Buffer.alloc(8);
    bytes.writeDoubleBE(value);
    return Buffer.concat([control(TYPE.double, 8), bytes]);
  }
  if (Array.isArray(value)) {
    return Buffer.concat([control(TYPE.array, value.length), ...value.map(encode)]);
  }
  const entries = Object.entries(value as Record<string, MmdbValue>);
  return Buffer.concat([
    control(TYPE.map, entries.length),
    ...entries.flatMap(([k, v]) => [encode(k), encode(v)]),
  ]);
}

function bitsOf(cidr: string): number[] {
  const [address, prefix] = ipaddr.parseCIDR(cidr);
  const bytes =
    address.kind() === 'ipv4' ? [...new Array(12).fill(0), ...address.toByteArray()] : address.toByteArray();
  const length = address.kind() === 'ipv4' ? prefix + 96 : prefix;
  const bits: number[] = [];
  for (let i = 0; i < length; i++) bits.push(((bytes[i >> 3] as number) >> (7 - (i & 7))) & 1);
  return bits;
}

type Child = { node: number } | { data: number } | null;

export function writeMmdb(options: {
  databaseType: string;
  networks: readonly MmdbNetwork[];
  buildEpochSeconds?: number;
}): Buffer {
  const nodes: [Child, Child][] = [[null, null]];
  const dataChunks: Buffer[] = [];
  let dataLength = 0;

  for (const network of options.networks) {
    const offset = dataLength;
    const chunk = encode(network.data);
    dataChunks.push(chunk);
    dataLength += chunk.length;

    const bits = bitsOf(network.cidr);
    let node = 0;
    bits.forEach((bit, depth) => {
      const pair = nodes[node] as [Child, Child];
      if (depth === bits.length - 1) {
        pair[bit] = { data: offset };
        return;
      }
      const next = pair[bit];
      if (next && 'node' in next) node = next.node;
      else {
        nodes.push([null, null]);
        pair[bit] = { node: nodes.length - 1 };
        node = nodes.length - 1;
      }
    });
  }

  const nodeCount = nodes.length;
  const tree = Buffer.alloc(nodeCount * 6);
  const recordValue = (child: Child): number =>
    child === null ? nodeCount : 'node' in child ? child.node : nodeCount + 16 + child.data;
  nodes.forEach(([left, right], i) => {
    tree.writeUIntBE(recordValue(left), i * 6, 3);
    tree.writeUIntBE(recordValue(right), i * 6 + 3, 3);
  });

  const metadata = Buffer.concat([
    control(TYPE.map, 9),
    encode('node_count'),
    uint(TYPE.uint32, nodeCount),
    encode('record_size'),
    uint(TYPE.uint16, 24),
    encode('ip_version'),
    uint(TYPE.uint16, 6),
    encode('database_type'),
    encode(options.databaseType),
    encode('languages'),
    encode(['en']),
    encode('binary_format_major_version'),
    uint(TYPE.uint16, 2),
    encode('binary_format_minor_version'),
    uint(TYPE.uint16, 0),
    encode('build_epoch'),
    uint(TYPE.uint64, options.buildEpochSeconds ?? 1_700_000_000),
    encode('description'),
    encode({ en: `Trailhound test ${options.databaseType}` }),
  ]);

  return Buffer.concat([
    tree,
    Buffer.alloc(16),
    ...dataChunks,
    Buffer.from('ABCDEF4D61784D696E642E636F6D', 'hex'),
    metadata,
  ]);
}
