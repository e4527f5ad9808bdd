import { expect, test } from 'vitest';
import { AFTER_INGEST_STEPS } from '../../lib/analysis/after-ingest-steps';
import { runAfterIngest } from '../../lib/ingest/after-ingest';
import { setupIngestDatabase } from '../helpers/ingest-database';
import { gz, makeRecord, memoryFile } from '../helpers/memory-source';

const db = setupIngestDatabase();

const dana = {
  type: 'IAMUser',
  principalId: 'AIDADANA',
  arn: 'arn:aws:iam::111122223333:user/dana',
  accountId: '111122223333',
  userName: 'dana',
};
const ci = {
  type: 'AssumedRole',
  principalId: 'AROACI:build',
  arn: 'arn:aws:sts::444455556666:assumed-role/ci/build',
  accountId: '444455556666',
  sessionContext: {
    sessionIssuer: { type: 'Role', arn: 'arn:aws:iam::444455556666:role/ci', userName: 'ci' },
  },
};

function at(day: number, hour: number, minute: number): string {
  return new Date(Date.UTC(2026, 9, day, hour, minute)).toISOString().replace('.000', '');
}

function record(overrides: Record<string, unknown>) {
  const identity = (overrides.userIdentity as typeof dana | undefined) ?? dana;
  return makeRecord({ userIdentity: identity, recipientAccountId: identity.accountId, ...overrides });
}

// Job 1: two hours on 1 October and one on 3 October, public, private and service sources.
const firstJob = [
  record({ eventTime: at(1, 12, 1), sourceIPAddress: '8.8.8.8' }),
  record({ eventTime: at(1, 12, 2), sourceIPAddress: '8.8.8.8', errorCode: 'AccessDenied' }),
  record({
    eventTime: at(1, 12, 3),
    sourceIPAddress: '54.80.0.1',
    errorCode: 'Client.UnauthorizedOperation',
  }),
  record({ eventTime: at(1, 13, 4), sourceIPAddress: '10.0.0.5', errorCode: 'NoSuchBucket' }),
  record({ eventTime: at(1, 13, 5), sourceIPAddress: 'ec2.amazonaws.com', userIdentity: ci }),
  record({ eventTime: at(3, 9, 0), sourceIPAddress: '54.80.0.1', userIdentity: ci }),
  record({ eventTime: at(3, 9, 30), sourceIPAddress: 'AWS Internal', userIdentity: ci }),
];
// Job 2: more events in 1 October 12:00 (an hour job 1 already rolled up) and a new hour.
const secondJob = [
  record({ eventTime: at(1, 12, 40), sourceIPAddress: '8.8.8.8', errorCode: 'AccessDenied' }),
  record({ eventTime: at(1, 12, 41), sourceIPAddress: '8.8.8.8', userIdentity: ci }),
  record({ eventTime: at(2, 8, 0), sourceIPAddress: '9.9.9.9' }),
];

async function ingestAndAnalyse(name: string, records: Record<string, unknown>[]) {
  const summary = await db.ingest([memoryFile(`${name}.json.gz`, gz({ Records: records }))]);
  expect(summary.eventsInserted).toBe(records.length);
  await runAfterIngest(db.pool, summary.jobId, AFTER_INGEST_STEPS, { quiet: true });
}

async function rows<T>(sql: string): Promise<T[]> {
  return (await db.pool.query(sql)).rows as T[];
}

/** Each rollup's totals per account against a direct count over `event`. */
async function expectRollupsMatchEvents() {
  const direct = await rows(`
    SELECT account_id, count(*)::int AS events, count(error_code)::int AS errors
    FROM event GROUP BY 1 ORDER BY 1`);
  for (const table of ['rollup_service_hourly', 'rollup_principal_hourly']) {
    expect(
      await rows(`SELECT account_id, sum(events)::int AS events, sum(errors)::int AS errors
                  FROM ${table} GROUP BY 1 ORDER BY 1`),
    ).toEqual(direct);
  }
  expect(
    await rows(
      `SELECT host(source_ip) AS ip, sum(events)::int AS events FROM rollup_ip_hourly GROUP BY 1 ORDER BY 1`,
    ),
  ).toEqual(
    await rows(`SELECT host(source_ip) AS ip, count(*)::int AS events FROM event
                WHERE source_ip IS NOT NULL GROUP BY 1 ORDER BY 1`),
  );
}

test('the enrichment step geolocates public addresses and only classifies the others', async () => {
  await ingestAndAnalyse('first', firstJob);
  const addresses = await rows<Record<string, unknown>>(`
    SELECT host(ip) AS ip, kind, country_code, asn, network, network_provider, enriched_at IS NOT NULL AS enriched
    FROM ip_address ORDER BY ip`);
  expect(addresses.map((a) => a.ip)).toEqual(['10.0.0.5', '54.80.0.1', '8.8.8.8']);
  expect(addresses.every((a) => a.enriched)).toBe(true);
  const byIp = Object.fromEntries(addresses.map((a) => [a.ip, a]));
  expect(byIp['10.0.0.5']).toMatchObject({ kind: 'private', country_code: null, asn: null, network: null });
  expect(byIp['8.8.8.8']).toMatchObject({ kind: 'public', country_code: 'US', asn: 15169 });
  expect(byIp['54.80.0.1']).toMatchObject({ asn: 16509, network: 'cloud', network_provider: 'aws' });
});

test('the rollups count exactly what is in event, with AccessDenied counted by code', async () => {
  await expectRollupsMatchEvents();
  expect(
    await rows(`SELECT to_char(hour AT TIME ZONE 'UTC', 'DD HH24') AS hour, sum(events)::int AS events,
                       sum(errors)::int AS errors, sum(access_denied)::int AS denied
                FROM rollup_service_hourly GROUP BY 1 ORDER BY 1`),
  ).toEqual([
    { hour: '01 12', events: 3, errors: 2, denied: 2 },
    { hour: '01 13', events: 2, errors: 1, denied: 0 },
    { hour: '03 09', events: 2, errors: 0, denied: 0 },
  ]);
  // Sources without an address are counted by kind, not dropped.
  expect(
    await rows(`SELECT ip_kind, sum(events)::int AS events FROM rollup_service_hourly GROUP BY 1 ORDER BY 1`),
  ).toEqual([
    { ip_kind: 'aws-internal', events: 1 },
    { ip_kind: 'aws-service', events: 1 },
    { ip_kind: 'private', events: 1 },
    { ip_kind: 'public', events: 4 },
  ]);
});

test('a second job refreshes the hours it touched and leaves the others as they were', async () => {
  const before = await rows<{ xmin: string }>(
    `SELECT xmin::text FROM rollup_service_hourly WHERE hour = '2026-10-03T09:00:00Z'`,
  );
  await ingestAndAnalyse('second', secondJob);
  await expectRollupsMatchEvents();
  expect(
    await rows(`SELECT to_char(hour AT TIME ZONE 'UTC', 'DD HH24') AS hour, sum(events)::int AS events,
                       sum(access_denied)::int AS denied
                FROM rollup_principal_hourly GROUP BY 1 ORDER BY 1`),
  ).toEqual([
    { hour: '01 12', events: 5, denied: 3 },
    { hour: '01 13', events: 2, denied: 0 },
    { hour: '02 08', events: 1, denied: 0 },
    { hour: '03 09', events: 2, denied: 0 },
  ]);
  // 3 October is outside the second job's hours: its rows were not rewritten.
  expect(
    await rows(`SELECT xmin::text FROM rollup_service_hourly WHERE hour = '2026-10-03T09:00:00Z'`),
  ).toEqual(before);
  // Only the new address was looked up.
  expect(await rows(`SELECT host(ip) AS ip FROM ip_address WHERE enriched_at IS NULL`)).toEqual([]);
  expect(
    (await rows<{ n: number }>(`SELECT count(*)::int AS n FROM ip_address WHERE country_code IS NOT NULL`))[0]
      ?.n,
  ).toBe(3);
});
