import type pg from 'pg';
import { readRawRecord } from '../../../lib/ingest/raw-record';
import { parseEventsQuery } from '../../../lib/queries/events/event-filters';
import { getEventContext } from '../../../lib/queries/events/get-event-context';
import { getLatestEventTime } from '../../../lib/queries/events/get-latest-event-time';
import { searchEvents } from '../../../lib/queries/events/search-events';
import type { QueryCase } from '../query-case';

// The events explorer as its page runs it (searchEvents: one page of rows and the capped count),
// in its default window (the day before the newest event) with each single filter, plus the
// drawer's queries. Filter values are the most common ones of that window, so every case
// matches rows (ASN and country fall back to AS16509 and US when the IPs are not enriched yet).

interface Samples {
  account: string;
  principal: string;
  ip: string;
  asn: string | null;
  country: string | null;
  eventName: string;
  bucket: string | null;
  event: { accountId: string; eventId: string };
}

let samples: Promise<Samples> | undefined;

async function loadSamples(pool: pg.Pool): Promise<Samples> {
  const to = (await getLatestEventTime(pool)) ?? new Date();
  const from = new Date(to.getTime() - 24 * 3_600_000);
  const top = async (expression: string, join = '') => {
    const { rows } = await pool.query<{ value: string | null }>(
      `SELECT ${expression}::text AS value FROM event e ${join}
        WHERE e.event_time BETWEEN $1 AND $2 AND ${expression} IS NOT NULL
        GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
      [from, to],
    );
    return rows[0]?.value ?? null;
  };
  const ipJoin = 'JOIN ip_address i ON i.ip = e.source_ip';
  const { rows } = await pool.query<{ account_id: string; event_id: string }>(
    'SELECT account_id, event_id FROM event WHERE event_time BETWEEN $1 AND $2 LIMIT 1',
    [from, to],
  );
  return {
    account: (await top('e.account_id')) as string,
    principal: (await top('e.principal_id')) as string,
    ip: (await top('host(e.source_ip)')) as string,
    asn: await top('i.asn', ipJoin),
    country: await top('i.country_code', ipJoin),
    eventName: (await top('e.event_name')) as string,
    bucket: await top("e.detail -> 'requestParameters' ->> 'bucketName'"),
    event: { accountId: rows[0]?.account_id as string, eventId: rows[0]?.event_id as string },
  };
}

function explorer(name: string, params: (s: Samples) => Record<string, string | null>): QueryCase {
  return {
    name: `explorer: ${name}`,
    async run(pool) {
      samples ??= loadSamples(pool);
      const values = Object.fromEntries(
        Object.entries(params(await samples)).filter((entry): entry is [string, string] => entry[1] !== null),
      );
      const query = parseEventsQuery(values);
      if (query.invalid.length > 0) throw new Error(`bench case ${name}: invalid ${query.invalid}`);
      return searchEvents(pool, query.filters, query.view);
    },
  };
}

const cases: QueryCase[] = [
  explorer('default window, no filter', () => ({})),
  explorer('account', (s) => ({ account: s.account })),
  explorer('region', () => ({ region: 'us-east-1' })),
  explorer('principal', (s) => ({ principal: s.principal })),
  explorer('identity type', () => ({ ptype: 'AssumedRole' })),
  explorer('service', () => ({ service: 's3' })),
  explorer('event name', (s) => ({ event: s.eventName })),
  explorer('read/write', () => ({ rw: 'write' })),
  explorer('error code', () => ({ error: 'AccessDenied' })),
  explorer('any error', () => ({ error: '*' })),
  explorer('source IP', (s) => ({ ip: s.ip })),
  explorer('ASN', (s) => ({ asn: s.asn ?? '16509' })),
  explorer('country', (s) => ({ country: s.country ?? 'US' })),
  explorer('user-agent family', () => ({ ua: 'aws-cli' })),
  explorer('free text in request parameters', (s) => ({ q: s.bucket ?? 'bucket' })),
  explorer('sorted by principal, page 5', () => ({ sort: 'principal', dir: 'asc', page: '5' })),
  {
    name: 'explorer: drawer context ±15 min',
    async run(pool) {
      samples ??= loadSamples(pool);
      const { event } = await samples;
      return getEventContext(pool, event.accountId, event.eventId, 15);
    },
  },
  {
    name: 'explorer: drawer raw record',
    async run(pool) {
      samples ??= loadSamples(pool);
      const { event } = await samples;
      return readRawRecord(pool, event.accountId, event.eventId);
    },
  },
];

export default cases;
