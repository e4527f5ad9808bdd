import type pg from 'pg';
import { getIpEnricher, type IpEnricher } from '../enrich';
import type { AfterIngestStep } from '../ingest/after-ingest';

// One round trip reads this many addresses and one UPDATE writes them back.
const BATCH_SIZE = 5_000;

const SELECT_PENDING = `
  SELECT host(ip) AS ip, kind FROM ip_address WHERE enriched_at IS NULL ORDER BY ip LIMIT $1`;

// Every pending address of the batch gets enriched_at, so private and invalid ones (classified at
// ingest, never geolocated) are not read again; only public ones get the looked-up fields.
const UPDATE_BATCH = `
  UPDATE ip_address AS a SET
    country_code = u.country_code, country = u.country, region = u.region, city = u.city,
    latitude = u.latitude, longitude = u.longitude, asn = u.asn, as_org = u.as_org,
    network = u.network, network_provider = u.network_provider, enriched_at = now()
  FROM unnest($1::inet[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::float8[],
              $8::int[], $9::text[], $10::text[], $11::text[])
    AS u(ip, country_code, country, region, city, latitude, longitude, asn, as_org, network, network_provider)
  WHERE a.ip = u.ip`;

export interface EnrichSummary {
  addresses: number;
  geolocated: number;
}

/**
 * Looks up every address not enriched yet (whichever job brought it), in batches. The enricher is
 * opened only when there is something to look up: its databases cost ~280 MB of memory.
 */
export async function enrichIpAddresses(
  pool: pg.Pool,
  openEnricher: () => IpEnricher = getIpEnricher,
): Promise<EnrichSummary> {
  const summary: EnrichSummary = { addresses: 0, geolocated: 0 };
  let enricher: IpEnricher | null = null;
  for (;;) {
    const { rows } = await pool.query<{ ip: string; kind: string }>(SELECT_PENDING, [BATCH_SIZE]);
    if (rows.length === 0) return summary;
    enricher ??= openEnricher();
    const columns: (string | number | null)[][] = Array.from({ length: 11 }, () => []);
    for (const row of rows) {
      const hit = row.kind === 'public' ? enricher.lookup(row.ip) : null;
      if (hit) summary.geolocated += 1;
      const values = [
        row.ip,
        hit?.countryCode ?? null,
        hit?.countryName ?? null,
        hit?.region ?? null,
        hit?.city ?? null,
        hit?.latitude ?? null,
        hit?.longitude ?? null,
        hit?.asn ?? null,
        hit?.asnOrg ?? null,
        hit?.network?.kind ?? null,
        hit?.network?.provider ?? null,
      ];
      for (const [index, value] of values.entries()) columns[index]?.push(value);
    }
    await pool.query(UPDATE_BATCH, columns);
    summary.addresses += rows.length;
  }
}

export const enrichIpAddressesStep: AfterIngestStep = {
  name: 'IP enrichment',
  async run(pool) {
    await enrichIpAddresses(pool);
  },
};
