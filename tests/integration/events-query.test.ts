import { beforeAll, describe, expect, test } from 'vitest';
import { parseEventsQuery } from '../../lib/queries/events/event-filters';
import { getEventContext } from '../../lib/queries/events/get-event-context';
import { getLatestEventTime } from '../../lib/queries/events/get-latest-event-time';
import { searchEvents } from '../../lib/queries/events/search-events';
import { setupIngestDatabase } from '../helpers/ingest-database';
import { makeRecord, memoryFile } from '../helpers/memory-source';

const db = setupIngestDatabase();

const OTHER_ACCOUNT = '444455556666';
const deployRole = {
  type: 'AssumedRole',
  principalId: 'AROAEXAMPLEDEPLOY:ci-run-7',
  arn: `arn:aws:sts::${OTHER_ACCOUNT}:assumed-role/deploy/ci-run-7`,
  accountId: OTHER_ACCOUNT,
  accessKeyId: 'ASIAEXAMPLEKEY000007',
  sessionContext: {
    sessionIssuer: {
      type: 'Role',
      principalId: 'AROAEXAMPLEDEPLOY',
      arn: `arn:aws:iam::${OTHER_ACCOUNT}:role/deploy`,
      accountId: OTHER_ACCOUNT,
      userName: 'deploy',
    },
    attributes: { creationDate: '2026-10-01T12:00:00Z', mfaAuthenticated: 'false' },
  },
};

const records = {
  whoami: makeRecord({ eventTime: '2026-10-01T12:00:00Z' }),
  denied: makeRecord({
    eventTime: '2026-10-01T12:05:00Z',
    eventSource: 's3.amazonaws.com',
    eventName: 'PutBucketPolicy',
    awsRegion: 'eu-west-1',
    readOnly: false,
    errorCode: 'AccessDenied',
    errorMessage: 'Access Denied',
    sourceIPAddress: '203.0.113.9',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/131.0',
    requestParameters: { bucketName: 'payroll-exports', policy: '{"Statement":[]}' },
  }),
  deploy: makeRecord({
    eventTime: '2026-10-01T12:10:00Z',
    userIdentity: deployRole,
    recipientAccountId: OTHER_ACCOUNT,
    eventSource: 'ec2.amazonaws.com',
    eventName: 'DescribeInstances',
    sourceIPAddress: '203.0.113.200',
    userAgent: 'Boto3/1.34.0 md/Botocore#1.34.0 Python/3.12.1 Linux/6.1',
    requestParameters: { instancesSet: {}, filterSet: {} },
  }),
  literal: makeRecord({
    eventTime: '2026-10-01T13:00:00Z',
    eventSource: 's3.amazonaws.com',
    eventName: 'GetObject',
    requestParameters: { bucketName: 'reports', key: 'q3/100%_done.csv' },
  }),
  lastMonth: makeRecord({
    eventTime: '2026-09-20T08:00:00Z',
    eventName: 'ListUsers',
    eventSource: 'iam.amazonaws.com',
  }),
};
// A busy principal, for paging: 60 calls a second apart after everything else.
const bulk = Array.from({ length: 60 }, (_, index) =>
  makeRecord({
    eventTime: new Date(Date.UTC(2026, 9, 1, 14, 0, index)).toISOString(),
    eventName: index % 2 ? 'ListBuckets' : 'HeadBucket',
    eventSource: 's3.amazonaws.com',
    sourceIPAddress: '192.0.2.44',
  }),
);

const DAY = { from: '2026-10-01T00:00:00Z', to: '2026-10-01T23:59:59Z' };

async function search(params: Record<string, string>) {
  const query = parseEventsQuery(params);
  expect(query.invalid).toEqual([]);
  return searchEvents(db.pool, query.filters, query.view);
}

async function idsFor(params: Record<string, string>): Promise<string[]> {
  const result = await search({ ...DAY, ...params });
  return result.rows.map((row) => row.eventId).sort();
}

const idsOf = (...list: Record<string, unknown>[]) => list.map((record) => record.eventID as string).sort();

beforeAll(async () => {
  const summary = await db.ingest([
    memoryFile('a.json', JSON.stringify({ Records: [...Object.values(records), ...bulk] })),
  ]);
  expect(summary).toMatchObject({ filesFailed: 0, eventsRejected: 0, eventsInserted: 65 });
  // Enrichment is another step's job; give two addresses their GeoIP/ASN details here.
  await db.pool.query(
    `UPDATE ip_address SET country_code = 'NL', country = 'Netherlands', asn = 64500, as_org = 'Example Transit'
      WHERE ip = '203.0.113.9'`,
  );
  await db.pool.query(`UPDATE ip_address SET country_code = 'US', asn = 64501 WHERE ip = '203.0.113.200'`);
});

describe('each filter', () => {
  test('time range, inclusive at both ends', async () => {
    expect(await idsFor({ from: '2026-10-01T12:05:00Z', to: '2026-10-01T12:10:00Z' })).toEqual(
      idsOf(records.denied, records.deploy),
    );
    expect(await idsFor({ from: '2026-09-01T00:00:00Z', to: '2026-09-30T00:00:00Z' })).toEqual(
      idsOf(records.lastMonth),
    );
  });

  test('account, region, service, event name, read/write, error', async () => {
    expect(await idsFor({ account: OTHER_ACCOUNT })).toEqual(idsOf(records.deploy));
    expect(await idsFor({ region: 'eu-west-1' })).toEqual(idsOf(records.denied));
    expect(await idsFor({ service: 'ec2' })).toEqual(idsOf(records.deploy));
    expect(await idsFor({ event: 'PutBucketPolicy' })).toEqual(idsOf(records.denied));
    expect(await idsFor({ rw: 'write' })).toEqual(idsOf(records.denied));
    expect((await search({ ...DAY, rw: 'read' })).total).toBe(63);
    expect(await idsFor({ error: 'AccessDenied' })).toEqual(idsOf(records.denied));
    expect(await idsFor({ error: '*' })).toEqual(idsOf(records.denied));
    expect(await idsFor({ error: 'Throttling' })).toEqual([]);
  });

  test('principal row id and identity type', async () => {
    const { rows } = await db.pool.query<{ id: string }>(
      `SELECT id::text FROM principal WHERE principal_type = 'AssumedRole'`,
    );
    expect(await idsFor({ principal: rows[0]?.id as string })).toEqual(idsOf(records.deploy));
    expect(await idsFor({ ptype: 'AssumedRole' })).toEqual(idsOf(records.deploy));
    expect((await search({ ...DAY, ptype: 'IAMUser' })).total).toBe(63);
  });

  test('source IP, CIDR range, ASN, country, user-agent family', async () => {
    expect(await idsFor({ ip: '203.0.113.9' })).toEqual(idsOf(records.denied));
    expect(await idsFor({ ip: '203.0.113.0/24' })).toEqual(idsOf(records.denied, records.deploy));
    expect(await idsFor({ asn: '64500' })).toEqual(idsOf(records.denied));
    expect(await idsFor({ country: 'us' })).toEqual(idsOf(records.deploy));
    expect(await idsFor({ ua: 'sdk-python' })).toEqual(idsOf(records.deploy));
    expect(await idsFor({ ua: 'console' })).toEqual(idsOf(records.denied));
  });

  test('free text in the request parameters, with % and _ taken literally', async () => {
    expect(await idsFor({ q: 'payroll' })).toEqual(idsOf(records.denied));
    expect(await idsFor({ q: 'PAYROLL-exp' })).toEqual(idsOf(records.denied));
    expect(await idsFor({ q: '100%_done' })).toEqual(idsOf(records.literal));
    expect(await idsFor({ q: '%' })).toEqual(idsOf(records.literal));
    expect(await idsFor({ q: 'nowhere-to-be-found' })).toEqual([]);
  });

  test('filters combine with AND', async () => {
    expect(await idsFor({ service: 's3', region: 'eu-west-1', rw: 'write' })).toEqual(idsOf(records.denied));
    expect(await idsFor({ service: 's3', account: OTHER_ACCOUNT })).toEqual([]);
  });
});

describe('sorting, paging and counting', () => {
  test('newest first by default, 50 a page, and the count of all matches', async () => {
    const first = await search(DAY);
    expect(first.total).toBe(64);
    expect(first.totalCapped).toBe(false);
    expect(first.pageCount).toBe(2);
    expect(first.rows).toHaveLength(50);
    const times = first.rows.map((row) => row.eventTime);
    expect(times).toEqual([...times].sort().reverse());
    const second = await search({ ...DAY, page: '2' });
    expect(second.rows).toHaveLength(14);
    const seen = new Set([...first.rows, ...second.rows].map((row) => row.eventId));
    expect(seen.size).toBe(64);
    expect(second.rows.at(-1)?.eventId).toBe(records.whoami.eventID);
  });

  test('server-side sort by another column, both directions', async () => {
    const ascending = await search({ ...DAY, sort: 'event', dir: 'asc' });
    const names = ascending.rows.map((row) => row.eventName as string);
    expect(names).toEqual([...names].sort());
    expect(names[0]).toBe('DescribeInstances');
    const byPrincipal = await search({ ...DAY, sort: 'principal', dir: 'desc' });
    expect(byPrincipal.rows[0]?.principalType).toBe('AssumedRole');
    expect(byPrincipal.rows[1]?.principalName).toBe('dana');
    const byIp = await search({ ...DAY, sort: 'ip', dir: 'asc', to: '2026-10-01T13:30:00Z' });
    expect(byIp.rows.map((row) => row.sourceIp)).toEqual([
      '198.51.100.7',
      '198.51.100.7',
      '203.0.113.9',
      '203.0.113.200',
    ]);
  });

  test('rows carry their principal, user agent and enrichment', async () => {
    const [row] = (await search({ ...DAY, event: 'PutBucketPolicy' })).rows;
    expect(row).toMatchObject({
      accountId: '111122223333',
      eventTime: '2026-10-01T12:05:00.000Z',
      service: 's3',
      readOnly: false,
      errorCode: 'AccessDenied',
      sourceIp: '203.0.113.9',
      principalName: 'dana',
      principalType: 'IAMUser',
      userAgentFamily: 'console',
      countryCode: 'NL',
      asn: 64500,
      asOrg: 'Example Transit',
    });
  });

  test('without from/to the window is the day before the newest event', async () => {
    const latest = await getLatestEventTime(db.pool);
    expect(latest?.toISOString()).toBe('2026-10-01T14:00:59.000Z');
    const result = await search({});
    expect(result.windowIsDefault).toBe(true);
    expect(result.window.to.toISOString()).toBe('2026-10-01T14:00:59.000Z');
    expect(result.window.from.toISOString()).toBe('2026-09-30T14:00:59.000Z');
    expect(result.total).toBe(64);
  });
});

describe('hostile filter values', () => {
  const payloads = [
    "' OR '1'='1",
    "'; DROP TABLE event; --",
    "dana' --",
    '") OR true; --',
    '$1',
    "\\'; SELECT pg_sleep(5); --",
  ];

  test('text filters take SQL as a plain value and match nothing', async () => {
    for (const payload of payloads) {
      for (const name of ['account', 'region', 'ptype', 'service', 'event', 'error', 'ua', 'q']) {
        expect(await idsFor({ [name]: payload }), `${name}=${payload}`).toEqual([]);
      }
    }
    const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM event');
    expect(rows[0].n).toBe(65);
  });

  test('typed filters refuse values that are not of their type, and say so', () => {
    const parsed = parseEventsQuery({
      principal: '1 OR 1=1',
      asn: '64500; DROP TABLE event',
      ip: "203.0.113.9' --",
      country: "NL' OR 'x'='x",
      rw: 'both',
      from: 'yesterday',
      sort: 'event_time; DROP TABLE event',
      page: '-1',
      ctx: '9999',
      ev: 'not-an-event',
    });
    expect(parsed.filters).toEqual({});
    expect(parsed.invalid.sort()).toEqual(
      ['asn', 'country', 'ctx', 'ev', 'from', 'ip', 'page', 'principal', 'rw', 'sort'].sort(),
    );
    expect(parsed.view).toMatchObject({ sort: 'time', dir: 'desc', page: 1, ctx: 15, ev: null });
  });

  test('URLSearchParams and repeated parameters read the first value', () => {
    const parsed = parseEventsQuery(
      new URLSearchParams('event=A&event=B&cols=time,event&ev=111122223333:x:y'),
    );
    expect(parsed.filters.event).toBe('A');
    expect(parsed.view.cols).toEqual(['time', 'event']);
    expect(parsed.view.ev).toEqual({ accountId: '111122223333', eventId: 'x:y' });
  });
});

describe('context around an event', () => {
  test('the same principal within ±N minutes, oldest first', async () => {
    const context = await getEventContext(db.pool, '111122223333', records.whoami.eventID as string, 15);
    expect(context?.event.eventName).toBe('GetCallerIdentity');
    expect(context?.around.map((row) => row.eventId)).toEqual([
      records.whoami.eventID,
      records.denied.eventID,
    ]);
    const wider = await getEventContext(db.pool, '111122223333', records.whoami.eventID as string, 60);
    expect(wider?.around.map((row) => row.eventId)).toEqual(
      [records.whoami, records.denied, records.literal].map((record) => record.eventID),
    );
    expect(wider?.truncated).toBe(false);
  });

  test('an unknown event has no context', async () => {
    expect(await getEventContext(db.pool, '111122223333', 'no-such-event', 15)).toBeNull();
  });
});
