import type { Metadata } from 'next';
import Link from 'next/link';
import { AddressesTable } from '@/components/geo/AddressesTable';
import { CountriesTable } from '@/components/geo/CountriesTable';
import { GeoAttribution } from '@/components/geo/GeoAttribution';
import { NetworksTable } from '@/components/geo/NetworksTable';
import { SourceKindsSummary } from '@/components/geo/SourceKindsSummary';
import { type MapBubble, WorldMap } from '@/components/geo/WorldMap';
import { RangeSummary } from '@/components/overview/RangeSummary';
import { GeoIcon } from '@/components/shell/icons';
import { buttonClasses } from '@/components/ui/Button';
import { Card, CardBody, CardHeader } from '@/components/ui/Card';
import { EmptyState } from '@/components/ui/EmptyState';
import { PageHeader } from '@/components/ui/PageHeader';
import { SegmentedLinks } from '@/components/ui/SegmentedLinks';
import { requirePageSession } from '@/lib/auth/guards';
import { NO_FINDINGS, tallyFindings } from '@/lib/geo/finding-counts';
import { bubbleColour, bubbleFigures, bubbleRadius, noveltyTest } from '@/lib/geo/map-bubbles';
import { getWorldShapes, MAP_HEIGHT, MAP_WIDTH } from '@/lib/geo/world-shapes';
import { pageHref } from '@/lib/overview/page-href';
import { parseGeoParams, type SearchParams } from '@/lib/overview/search-params';
import { resolveRange } from '@/lib/overview/time-range';
import { getGeoAddresses } from '@/lib/queries/geo/get-geo-addresses';
import { getGeoCountries } from '@/lib/queries/geo/get-geo-countries';
import { getGeoFindings } from '@/lib/queries/geo/get-geo-findings';
import { getGeoNetworks } from '@/lib/queries/geo/get-geo-networks';
import { getSourceKinds } from '@/lib/queries/geo/get-source-kinds';
import { getRollupRange } from '@/lib/queries/overview/get-rollup-range';

export const metadata: Metadata = { title: 'Geography' };

// The busiest ones; the events explorer lists the rest by country, ASN or address.
const NETWORKS_SHOWN = 15;
const ADDRESSES_SHOWN = 25;

export default async function GeographyPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageSession();
  const params = parseGeoParams(await searchParams);
  const dataRange = await getRollupRange();
  const range = resolveRange(params, dataRange);
  const header = (
    <PageHeader
      title="Geography"
      description="Where API calls come from: countries, networks (ASNs) and the source addresses behind them."
    />
  );
  if (!range || !dataRange) {
    return (
      <>
        {header}
        <Card>
          <EmptyState
            icon={<GeoIcon />}
            title="No source addresses yet"
            actions={
              <Link href="/ingest" className={buttonClasses('primary')}>
                Go to Ingest
              </Link>
            }
          >
            <p>
              Once events are ingested, each public source address is placed on the map with its country and
              network.
            </p>
          </EmptyState>
        </Card>
      </>
    );
  }

  const [countries, networks, addresses, links, kinds] = await Promise.all([
    getGeoCountries(range),
    getGeoNetworks(range, params.country, NETWORKS_SHOWN),
    getGeoAddresses(range, params.country, ADDRESSES_SHOWN),
    getGeoFindings(range),
    getSourceKinds(range),
  ]);
  const tallies = tallyFindings(links);
  const isNew = noveltyTest(range.from, dataRange.from);
  const current = {
    from: params.from,
    to: params.to,
    country: params.country,
    color: params.color === 'risk' ? undefined : params.color,
  };
  const selectHref = (code: string) =>
    pageHref('/geo', current, { country: code === params.country ? null : code });

  const shapes = getWorldShapes();
  const byCode = new Map(countries.map((country) => [country.code, country]));
  const maxEvents = Math.max(0, ...countries.map((country) => country.events));
  const centroids = new Map(shapes.countries.map((shape) => [shape.code, shape.centroid]));
  const bubbles: MapBubble[] = countries.flatMap((country) => {
    const at =
      country.latitude !== null && country.longitude !== null
        ? shapes.project(country.longitude, country.latitude)
        : (centroids.get(country.code) ?? null);
    if (!at) return [];
    const tally = tallies.byCountry.get(country.code) ?? NO_FINDINGS;
    const fresh = isNew(country);
    return [
      {
        code: country.code,
        name: country.name ?? country.code,
        x: at[0],
        y: at[1],
        radius: bubbleRadius(country.events, maxEvents),
        colour: bubbleColour(params.color, tally, fresh),
        href: selectHref(country.code),
        figures: bubbleFigures(country, tally, fresh),
      },
    ];
  });
  // Largest first, so small bubbles are drawn on top and stay clickable.
  bubbles.sort((a, b) => b.radius - a.radius);
  const selectedName = params.country ? (byCode.get(params.country)?.name ?? params.country) : null;

  return (
    <>
      {header}
      <div className="space-y-6">
        <RangeSummary
          range={range}
          resetHref={params.from || params.to ? pageHref('/geo', current, { from: null, to: null }) : null}
          hint="Pick a range on the overview chart; its links carry it here."
        />
        <Card aria-labelledby="map-heading">
          <CardHeader
            id="map-heading"
            title={selectedName ? `Map: ${selectedName} selected` : 'Map'}
            description={
              params.color === 'risk'
                ? 'Bubbles sized by events, coloured by the worst finding with evidence from the country.'
                : 'Bubbles sized by events; orange marks countries first seen in this range, after a week of baseline.'
            }
            actions={
              <>
                {params.country ? (
                  <Link
                    href={selectHref(params.country)}
                    scroll={false}
                    className={buttonClasses('secondary', 'sm')}
                  >
                    Clear country
                  </Link>
                ) : null}
                <SegmentedLinks
                  label="Colour bubbles by"
                  options={(['risk', 'novelty'] as const).map((color) => ({
                    label: color === 'risk' ? 'Risk' : 'Novelty',
                    href: pageHref('/geo', current, { color: color === 'risk' ? null : color }),
                    active: params.color === color,
                  }))}
                />
              </>
            }
          />
          <CardBody className="space-y-4">
            {countries.length === 0 ? (
              <p className="py-6 text-center text-sm text-muted">
                No public source address in this range: the calls came from AWS services, private networks or
                AWS Internal (below).
              </p>
            ) : null}
            <WorldMap
              width={MAP_WIDTH}
              height={MAP_HEIGHT}
              outline={shapes.outline}
              countries={shapes.countries.map((shape) => ({
                code: shape.code,
                name: shape.name,
                path: shape.path,
                href: shape.code ? selectHref(shape.code) : null,
                hasEvents: shape.code ? byCode.has(shape.code) : false,
              }))}
              bubbles={bubbles}
              selected={params.country}
            />
            <GeoAttribution />
          </CardBody>
        </Card>
        <Card aria-labelledby="sources-heading">
          <CardHeader
            id="sources-heading"
            title="Sources the map cannot place"
            description="Classified at ingest and never geolocated: a service hostname or AWS Internal has no location of its own."
          />
          <CardBody>
            <SourceKindsSummary kinds={kinds} />
          </CardBody>
        </Card>
        <Card aria-labelledby="countries-heading">
          <CardHeader
            id="countries-heading"
            title="Countries"
            description="Click a country to filter the networks and addresses below."
          />
          <CountriesTable
            countries={countries}
            findings={tallies.byCountry}
            range={range}
            selected={params.country}
            selectHref={selectHref}
            isNew={isNew}
          />
        </Card>
        <Card aria-labelledby="networks-heading">
          <CardHeader
            id="networks-heading"
            title={selectedName ? `Networks in ${selectedName}` : 'Networks'}
            description={`The ${NETWORKS_SHOWN} busiest origin networks (AS) of public addresses; cloud, hosting and CDN networks are flagged.`}
          />
          {networks.length ? (
            <NetworksTable networks={networks} findings={tallies.byAsn} range={range} />
          ) : (
            <p className="px-5 py-8 text-center text-sm text-muted">No public networks in this selection.</p>
          )}
        </Card>
        <Card aria-labelledby="addresses-heading">
          <CardHeader
            id="addresses-heading"
            title={selectedName ? `Addresses in ${selectedName}` : 'Addresses'}
            description={`The ${ADDRESSES_SHOWN} source addresses with the most events; each opens its events.`}
          />
          {addresses.length ? (
            <AddressesTable addresses={addresses} findings={tallies.byIp} range={range} />
          ) : (
            <p className="px-5 py-8 text-center text-sm text-muted">No addresses in this selection.</p>
          )}
          <div className="border-t border-line px-5 py-3">
            <GeoAttribution />
          </div>
        </Card>
      </div>
    </>
  );
}
