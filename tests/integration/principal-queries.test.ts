import { beforeAll, describe, expect, test } from 'vitest';
import { getAccountPosture } from '../../lib/queries/accounts/get-account-posture';
import { getAccessKeys } from '../../lib/queries/principals/get-access-keys';
import { getActivityHistogram } from '../../lib/queries/principals/get-activity-histogram';
import { getNewlyObserved, type ObservedItem } from '../../lib/queries/principals/get-newly-observed';
import { getPrincipal } from '../../lib/queries/principals/get-principal';
import { getPrincipals } from '../../lib/queries/principals/get-principals';
import { getAssumedRoles, getSessionOrigins } from '../../lib/queries/principals/get-role-sessions';
import { getEventTime, getTimelineFacets } from '../../lib/queries/principals/get-timeline-facets';
import {
  ACCOUNT,
  ALL_RECORDS,
  BASELINE,
  NEW_KEY,
  PIVOT_KEY,
  pivotTrailFiles,
  ROLE_ARN,
  SCOPE,
} from '../fixtures/principals/pivot-trail';
import { setupIngestDatabase } from '../helpers/ingest-database';
import { refreshJobRollups } from '../helpers/job-rollups';

const db = setupIngestDatabase();

const ids: Record<string, string> = {};

beforeAll(async () => {
  const summary = await db.ingest(pivotTrailFiles());
  expect(summary).toMatchObject({ filesFailed: 0, eventsInserted: ALL_RECORDS.length });
  await refreshJobRollups(db.pool, summary.jobId);
  const { rows } = await db.pool.query<{ id: string; name: string }>('SELECT id::text, name FROM principal');
  for (const row of rows) ids[row.name] = row.id;
});

function item(items: ObservedItem[], value: string): ObservedItem | undefined {
  return items.find((entry) => entry.value === value);
}

describe('newly observed', () => {
  test('tells values new for the principal from values new for the whole account', async () => {
    const panels = await getNewlyObserved(db.pool, {
      principalId: ids.dana as string,
      accountId: ACCOUNT,
      scope: SCOPE,
      baseline: BASELINE,
    });

    expect(item(panels.ip, '198.51.100.7')).toMatchObject({
      newForPrincipal: false,
      newForAccount: false,
      count: 1,
    });
    expect(item(panels.ip, '203.0.113.9')).toMatchObject({ newForPrincipal: true, newForAccount: false });
    expect(item(panels.ip, '192.0.2.50')).toMatchObject({
      newForPrincipal: true,
      newForAccount: true,
      count: 3,
    });
    expect(panels.ip[0]?.newForPrincipal).toBe(true);

    expect(item(panels.region, 'eu-west-1')).toMatchObject({ newForPrincipal: true, newForAccount: false });
    expect(item(panels.region, 'ap-south-1')).toMatchObject({ newForPrincipal: true, newForAccount: true });
    expect(item(panels.api, 'DescribeInstances')).toMatchObject({
      newForPrincipal: true,
      newForAccount: false,
    });
    expect(item(panels.api, 'CreateAccessKey')).toMatchObject({ newForPrincipal: true, newForAccount: true });
    expect(item(panels.service, 'ec2')).toMatchObject({ newForPrincipal: true, newForAccount: false });
    expect(item(panels.service, 's3')).toMatchObject({ newForPrincipal: false });
    expect(item(panels.role, ROLE_ARN)).toMatchObject({
      newForPrincipal: true,
      newForAccount: true,
      count: 1,
    });
    // ListBuckets: first seen in the baseline, counted only in the scope.
    expect(item(panels.api, 'ListBuckets')).toMatchObject({
      count: 1,
      firstSeen: new Date('2026-10-02T09:00:00Z'),
      lastSeen: new Date('2026-10-25T09:00:00Z'),
    });
  });

  test('the session sees its bucket as new, and a baseline that contains it makes it known', async () => {
    const session =
      ids['Admin/dana-pivot'] ?? Object.entries(ids).find(([name]) => name.includes('dana-pivot'))?.[1];
    const inputs = { principalId: session as string, accountId: ACCOUNT, scope: SCOPE };
    const fresh = await getNewlyObserved(db.pool, { ...inputs, baseline: BASELINE });
    expect(item(fresh.bucket, 'acme-prod-backups')).toMatchObject({ count: 3, newForAccount: true });

    const wide = await getNewlyObserved(db.pool, {
      ...inputs,
      scope: { from: new Date('2026-10-25T10:22:30Z'), to: SCOPE.to },
      baseline: { from: BASELINE.from, to: new Date('2026-10-25T10:22:30Z') },
    });
    expect(item(wide.bucket, 'acme-prod-backups')).toMatchObject({ count: 1, newForPrincipal: false });
  });
});

describe('sessions and pivots', () => {
  test('an AssumeRole links to the session it created and what that session did', async () => {
    const links = await getAssumedRoles(db.pool, ids.dana as string, SCOPE);
    expect(links).toHaveLength(1);
    const link = links[0];
    expect(link).toMatchObject({
      roleArn: ROLE_ARN,
      sessionName: 'dana-pivot',
      sourceIp: '192.0.2.50',
      callerName: 'dana',
      calls: 4,
      topCalls: ['GetObject', 'StopLogging'],
      ips: ['192.0.2.50'],
      firstCall: new Date('2026-10-25T10:21:00Z'),
      lastCall: new Date('2026-10-25T10:30:00Z'),
    });
    expect(link?.sessionPrincipalId).not.toBeNull();

    const session = await getPrincipal(db.pool, link?.sessionPrincipalId as string);
    expect(session?.sessionName).toBe('dana-pivot');
    const origins = await getSessionOrigins(db.pool, session as NonNullable<typeof session>);
    expect(origins.map((origin) => [origin.callerPrincipalId, origin.eventName])).toEqual([
      [ids.dana, 'AssumeRole'],
    ]);
  });

  test('a key dana created is traced to its owner, its first use and its address', async () => {
    const keys = await getAccessKeys(db.pool, ids.dana as string);
    expect(keys.created).toHaveLength(1);
    expect(keys.created[0]).toMatchObject({
      accessKeyId: NEW_KEY,
      longLived: true,
      principalId: ids['svc-backup'],
      principalName: 'svc-backup',
      calls: 1,
      firstUse: new Date('2026-10-25T10:14:00Z'),
      ips: ['192.0.2.99'],
      created: { creatorName: 'dana', forUser: 'svc-backup', createdAt: new Date('2026-10-25T10:10:00Z') },
    });
    expect(keys.used.map((key) => key.accessKeyId)).toEqual(['AKIADANAOLDKEY000001']);
    expect(keys.used[0]?.created).toBeNull();

    const owner = await getAccessKeys(db.pool, ids['svc-backup'] as string);
    expect(owner.used[0]).toMatchObject({ accessKeyId: NEW_KEY, created: { creatorPrincipalId: ids.dana } });
  });

  test('the session key is temporary, not long-lived', async () => {
    const session = (await getAssumedRoles(db.pool, ids.dana as string, SCOPE))[0]?.sessionPrincipalId;
    const keys = await getAccessKeys(db.pool, session as string);
    expect(keys.used).toMatchObject([{ accessKeyId: PIVOT_KEY, longLived: false, calls: 4 }]);
  });
});

describe('activity and timeline', () => {
  test('the histogram counts every call of the scope once, with errors and denials', async () => {
    const histogram = await getActivityHistogram(db.pool, ids.dana as string, SCOPE);
    const sum = (key: 'total' | 'errors' | 'denied') => histogram.buckets.reduce((n, b) => n + b[key], 0);
    expect([sum('total'), sum('errors'), sum('denied')]).toEqual([5, 1, 1]);
    expect(histogram.bucketMs).toBe(15 * 60_000);
    expect(histogram.buckets).toHaveLength(96);
    expect(new Set(histogram.services)).toEqual(new Set(['s3', 'ec2', 'iam', 'sts']));
  });

  test('the timeline filters offer what the principal called in the scope', async () => {
    expect(await getTimelineFacets(db.pool, ids.dana as string, SCOPE)).toEqual({
      services: ['ec2', 'iam', 's3', 'sts'],
      events: ['AssumeRole', 'CreateAccessKey', 'DescribeInstances', 'ListBuckets', 'ListUsers'],
    });
    const eventId = ALL_RECORDS.find((r) => r.eventName === 'StopLogging')?.eventID as string;
    expect(await getEventTime(db.pool, ACCOUNT, eventId)).toEqual(new Date('2026-10-25T10:30:00Z'));
  });
});

describe('lists and account posture', () => {
  test('the principals list finds a principal by an access key it used', async () => {
    const page = await getPrincipals(db.pool, { q: NEW_KEY, sort: 'activity', page: 1, pageSize: 50 });
    expect(page.rows.map((row) => row.name)).toEqual(['svc-backup']);
    const byName = await getPrincipals(db.pool, { q: 'dan', sort: 'activity', page: 1, pageSize: 50 });
    expect(byName.rows.map((row) => row.name).sort()).toEqual(['Admin/dana-pivot', 'dana'].sort());
    const all = await getPrincipals(db.pool, { type: 'IAMUser', sort: 'activity', page: 1, pageSize: 50 });
    expect(all.rows.map((row) => [row.name, row.events])).toEqual([
      ['dana', 15],
      ['bob', 5],
      ['svc-backup', 1],
    ]);
  });

  test('StopLogging with no StartLogging after it shows as logging switched off', async () => {
    const posture = await getAccountPosture(db.pool, ACCOUNT, { from: BASELINE.from, to: SCOPE.to });
    expect(posture.loggingChanges).toMatchObject([
      { eventName: 'StopLogging', service: 'CloudTrail', restored: false },
    ]);
    expect(posture.longLivedKeys.map((key) => key.accessKeyId).sort()).toEqual(
      ['AKIABOBKEY0000000001', 'AKIADANAOLDKEY000001', NEW_KEY].sort(),
    );
    expect(posture.longLivedKeys.find((key) => key.accessKeyId === NEW_KEY)?.createdAt).toEqual(
      new Date('2026-10-25T10:10:00Z'),
    );
  });
});
