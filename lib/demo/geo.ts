// Where demo traffic comes from. Each network is a real /24 of a real ISP or
// provider in that city, checked against GeoLite2-City and the RouteViews/DB-IP
// ASN tables (as shipped in @ip-location-db, 2026-06), so a GeoIP enrichment of
// the demo agrees with this table. That agreement is the ground truth the
// "new country / new ASN / impossible travel" features are tested against.

export interface DemoNetwork {
  /** Stable key used in the ground-truth file. */
  id: string;
  city: string;
  country: string;
  latitude: number;
  longitude: number;
  timeZone: string;
  /** First three octets of a /24. */
  prefix: string;
  asn: number;
  asnName: string;
  kind: 'residential' | 'business' | 'cloud' | 'vps';
}

function network(
  id: string,
  city: string,
  country: string,
  latLon: [number, number],
  timeZone: string,
  prefix: string,
  asn: [number, string],
  kind: DemoNetwork['kind'],
): DemoNetwork {
  return {
    id,
    city,
    country,
    latitude: latLon[0],
    longitude: latLon[1],
    timeZone,
    prefix,
    asn: asn[0],
    asnName: asn[1],
    kind,
  };
}

const COMCAST: [number, string] = [7922, 'Comcast Cable Communications, LLC'];
const AMAZON_14618: [number, string] = [14618, 'Amazon.com, Inc.'];
const AMAZON_16509: [number, string] = [16509, 'Amazon.com, Inc.'];
const MICROSOFT: [number, string] = [8075, 'Microsoft Corporation'];

export const NETWORKS = {
  denverHome: network(
    'denver-comcast-a',
    'Denver',
    'US',
    [39.696, -105.035],
    'America/Denver',
    '73.153.40',
    COMCAST,
    'residential',
  ),
  denverOffice: network(
    'denver-zayo',
    'Denver',
    'US',
    [39.767, -105.045],
    'America/Denver',
    '64.124.122',
    [6461, 'Zayo Bandwidth'],
    'business',
  ),
  chicago: network(
    'chicago-comcast',
    'Chicago',
    'US',
    [41.941, -87.653],
    'America/Chicago',
    '73.51.80',
    COMCAST,
    'residential',
  ),
  seattle: network(
    'seattle-comcast',
    'Seattle',
    'US',
    [47.63, -122.297],
    'America/Los_Angeles',
    '73.42.180',
    COMCAST,
    'residential',
  ),
  london: network(
    'london-bt',
    'London',
    'GB',
    [51.508, -0.128],
    'Europe/London',
    '5.35.197',
    [2856, 'British Telecommunications PLC'],
    'residential',
  ),
  berlin: network(
    'berlin-telekom',
    'Berlin',
    'DE',
    [52.52, 13.407],
    'Europe/Berlin',
    '31.59.224',
    [3320, 'Deutsche Telekom AG'],
    'residential',
  ),
  bengaluru: network(
    'bengaluru-airtel',
    'Bengaluru',
    'IN',
    [12.975, 77.591],
    'Asia/Kolkata',
    '106.222.200',
    [24560, 'Bharti Airtel Limited'],
    'residential',
  ),
  toronto: network(
    'toronto-rogers',
    'Toronto',
    'CA',
    [43.706, -79.516],
    'America/Toronto',
    '99.224.150',
    [812, 'Rogers Communications Canada Inc.'],
    'residential',
  ),
  saoPaulo: network(
    'sao-paulo-claro',
    'Sao Paulo',
    'BR',
    [-23.548, -46.636],
    'America/Sao_Paulo',
    '189.62.40',
    [28573, 'Claro NXT Telecomunicacoes Ltda'],
    'residential',
  ),
  awsUsEast1: network(
    'aws-us-east-1',
    'Ashburn',
    'US',
    [39.047, -77.49],
    'America/New_York',
    '3.208.40',
    AMAZON_14618,
    'cloud',
  ),
  awsUsEast1b: network(
    'aws-us-east-1-b',
    'Ashburn',
    'US',
    [39.047, -77.49],
    'America/New_York',
    '44.192.100',
    AMAZON_14618,
    'cloud',
  ),
  awsEuWest1: network(
    'aws-eu-west-1',
    'Dublin',
    'IE',
    [53.335, -6.252],
    'Europe/Dublin',
    '34.240.60',
    AMAZON_16509,
    'cloud',
  ),
  awsUsWest2: network(
    'aws-us-west-2',
    'Boardman',
    'US',
    [45.84, -119.705],
    'America/Los_Angeles',
    '35.160.40',
    AMAZON_16509,
    'cloud',
  ),
  azureVirginia: network(
    'azure-virginia',
    'Washington',
    'US',
    [38.709, -78.154],
    'America/New_York',
    '20.102.50',
    MICROSOFT,
    'cloud',
  ),
  azureTexas: network(
    'azure-texas',
    'San Antonio',
    'US',
    [29.423, -98.493],
    'America/Chicago',
    '40.84.170',
    MICROSOFT,
    'cloud',
  ),
  azureCalifornia: network(
    'azure-california',
    'San Jose',
    'US',
    [37.339, -121.892],
    'America/Los_Angeles',
    '52.234.30',
    MICROSOFT,
    'cloud',
  ),
  attackerAmsterdam: network(
    'amsterdam-digitalocean',
    'Amsterdam',
    'NL',
    [52.352, 4.939],
    'Europe/Amsterdam',
    '188.166.10',
    [14061, 'DigitalOcean, LLC'],
    'vps',
  ),
  attackerBucharest: network(
    'bucharest-m247',
    'Bucharest',
    'RO',
    [44.421, 26.169],
    'Europe/Bucharest',
    '31.14.252',
    [9009, 'M247 Europe SRL'],
    'vps',
  ),
} as const satisfies Record<string, DemoNetwork>;

export type NetworkKey = keyof typeof NETWORKS;

/** A host address inside a network; host 1..254 so it is never .0 or .255. */
export function hostIp(net: DemoNetwork, host: number): string {
  return `${net.prefix}.${1 + (Math.abs(host) % 254)}`;
}
