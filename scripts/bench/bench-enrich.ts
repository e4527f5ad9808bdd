/**
 * `node --import tsx scripts/bench/bench-enrich.ts [--ips 100000] [--v6-share 0.1] [--seed 1]`
 *
 * Opens the enricher (bundled data, or the TRAILHOUND_GEOIP_* files when set), then looks up N
 * distinct random public addresses, all cache misses, which is what ingest pays for new IPs.
 * A second pass over the first cacheLimit of them measures the cache. Prints JSON figures only;
 * nothing here asserts on time, because the machine decides that.
 */
import { parseArgs } from 'node:util';
import { classifyIp } from '../../lib/cloudtrail/ip';
import { createIpEnricher, DEFAULT_CACHE_LIMIT } from '../../lib/enrich';

const { values } = parseArgs({
  options: {
    ips: { type: 'string', default: '100000' },
    'v6-share': { type: 'string', default: '0.1' },
    seed: { type: 'string', default: '1' },
  },
});
const count = Number(values.ips);
const v6Share = Number(values['v6-share']);

// A fixed-seed generator so runs are comparable (mulberry32).
let state = Number(values.seed) >>> 0;
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const word = () => Math.floor(random() * 0x10000).toString(16);

function randomPublicIp(): string {
  for (;;) {
    const candidate =
      random() < v6Share
        ? // 2000::/4 holds all allocated global unicast space.
          `2${Math.floor(random() * 0x1000)
            .toString(16)
            .padStart(3, '0')}:${word()}:${word()}:${word()}::${word()}`
        : `${1 + Math.floor(random() * 223)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}`;
    if (classifyIp(candidate).kind === 'public') return candidate;
  }
}

const addresses = new Set<string>();
while (addresses.size < count) addresses.add(randomPublicIp());
const list = [...addresses];
// Classification is memoised; warm it so the timed loop measures enrichment, not ipaddr.js.
for (const ip of list) classifyIp(ip);

let peakRss = process.memoryUsage().rss;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const rssBefore = peakRss;

const enricher = createIpEnricher();
let started = performance.now();
const status = enricher.status();
const openMs = performance.now() - started;
sampleRss();

let withCountry = 0;
let withCity = 0;
let withAsn = 0;
let flagged = 0;
started = performance.now();
for (let i = 0; i < list.length; i++) {
  const result = enricher.lookup(list[i] as string);
  if (result?.countryCode) withCountry++;
  if (result?.city) withCity++;
  if (result?.asn) withAsn++;
  if (result?.network) flagged++;
  if ((i & 0x3fff) === 0) sampleRss();
}
const missSeconds = (performance.now() - started) / 1000;
sampleRss();

const hot = list.slice(-Math.min(DEFAULT_CACHE_LIMIT, list.length));
started = performance.now();
for (const ip of hot) enricher.lookup(ip);
const hitSeconds = (performance.now() - started) / 1000;
sampleRss();

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
console.log(
  JSON.stringify(
    {
      sources: status.databases.map((d) => `${d.kind}: ${d.source}${d.loaded ? '' : ' (NOT LOADED)'}`),
      warnings: status.warnings,
      ips: list.length,
      openMs: Math.round(openMs),
      lookupsPerSec: Math.round(list.length / missSeconds),
      cachedLookupsPerSec: Math.round(hot.length / hitSeconds),
      found: { country: withCountry, city: withCity, asn: withAsn, networkFlagged: flagged },
      rssBeforeOpenMb: mb(rssBefore),
      peakRssMb: mb(peakRss),
    },
    null,
    2,
  ),
);
