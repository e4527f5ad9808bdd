import { describe, expect, test } from 'vitest';
import {
  at,
  call,
  identities,
  type Json,
  repeat,
  toEvents,
  withParams,
} from '@/tests/fixtures/cloudtrail/detections';
import { consoleLogin } from '@/tests/fixtures/cloudtrail/records';
import { evaluate } from './evaluate';
import { RULES } from './registry';
import type { BaselineScope } from './types';

const rootFailure = (minutes: number, overrides: Json = {}) =>
  consoleLogin('Failure', { userIdentity: identities.root(), eventTime: at(minutes), ...overrides });
const newKey = (keyId: string, minutes: number) =>
  withParams(
    'iam',
    'CreateAccessKey',
    { userName: 'bob' },
    {
      eventTime: at(minutes),
      readOnly: false,
      responseElements: { accessKey: { accessKeyId: keyId, userName: 'bob', status: 'Active' } },
    },
  );
const useKey = (keyId: string, minutes: number, ip = '198.51.100.7') =>
  call('s3', 'ListBuckets', {
    userIdentity: { ...identities.iamUser(), accessKeyId: keyId },
    eventTime: at(minutes),
    sourceIPAddress: ip,
  });

// Deterministic shuffle (mulberry32) so a failure is reproducible.
function shuffled<T>(items: T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

describe('evaluate', () => {
  test('results do not depend on input order (threshold, sequence, first-seen, single)', () => {
    const events = toEvents([
      ...repeat(7, (i) => rootFailure(i * 2)),
      newKey('AKIAORDER0001', 30),
      useKey('AKIAORDER0001', 31, '203.0.113.77'),
      withParams('iam', 'CreateUser', { userName: 'evil' }, { eventTime: at(40) }),
      withParams(
        'iam',
        'AttachUserPolicy',
        { userName: 'evil', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
        { eventTime: at(40) },
      ),
      withParams('iam', 'CreateLoginProfile', { userName: 'evil' }, { eventTime: at(40) }),
      ...['ec2', 'lambda', 'kms', 'sns'].map((service, i) =>
        call(service, 'ListThings', { eventTime: at(50 + i) }),
      ),
    ]);
    const expected = evaluate(events);
    expect(expected.map((finding) => finding.ruleId)).toEqual(
      expect.arrayContaining(['R03', 'R19', 'R29', 'R44', 'R25']),
    );
    for (const seed of [1, 2, 3, 42, 1337]) expect(evaluate(shuffled(events, seed))).toEqual(expected);
  });

  test('a recurring single-event hit extends one finding within the dedup window', () => {
    const rule = RULES.R01;
    const events = toEvents(
      [0, 20, 50].map((minutes) =>
        call('ec2', 'RunInstances', { userIdentity: identities.root(), eventTime: at(minutes) }),
      ),
    );
    const [finding, ...rest] = evaluate(events, { rules: [rule] });
    expect(rest).toEqual([]);
    expect(finding?.eventCount).toBe(3);
    expect(finding?.firstSeen.toISOString()).toBe(new Date(at(0)).toISOString());
    expect(finding?.lastSeen.toISOString()).toBe(new Date(at(50)).toISOString());
    expect(finding?.dedupKey).toBe(`R01|111122223333|root:111122223333`);
  });

  test('a recurrence after a quiet gap is a second finding with the same dedup key', () => {
    const events = toEvents(
      [0, 180].map((minutes) =>
        call('ec2', 'RunInstances', { userIdentity: identities.root(), eventTime: at(minutes) }),
      ),
    );
    const findings = evaluate(events, { rules: [RULES.R01] });
    expect(findings).toHaveLength(2);
    expect(new Set(findings.map((finding) => finding.dedupKey)).size).toBe(1);
  });

  test('duplicate deliveries of one event count once', () => {
    const record = call('ec2', 'RunInstances', { userIdentity: identities.root() });
    const findings = evaluate(toEvents([record, { ...record }, { ...record }]), { rules: [RULES.R01] });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.eventCount).toBe(1);
  });

  test('threshold windows are inclusive at the edge and a long burst is one finding', () => {
    const edge = evaluate(toEvents([0, 5, 10, 12, 15].map((minutes) => rootFailure(minutes))), {
      rules: [RULES.R03],
    });
    expect(edge).toHaveLength(1);
    const burst = evaluate(toEvents(repeat(30, (i) => rootFailure(i))), { rules: [RULES.R03] });
    expect(burst).toHaveLength(1);
    expect(burst[0]?.eventCount).toBe(30);
    const sparse = evaluate(toEvents(repeat(10, (i) => rootFailure(i * 4))), { rules: [RULES.R03] });
    expect(sparse).toEqual([]);
  });

  test('threshold config overrides change the outcome', () => {
    const events = toEvents(repeat(3, (i) => rootFailure(i)));
    expect(evaluate(events, { rules: [RULES.R03] })).toEqual([]);
    expect(evaluate(events, { rules: [RULES.R03], config: { R03: { failures: 3 } } })).toHaveLength(1);
  });

  test('distinct-count thresholds count values, not events', () => {
    const sameUser = repeat(12, (i) => consoleLogin('Failure', { eventTime: at(i) }));
    expect(evaluate(toEvents(sameUser), { rules: [RULES.R12] })).toEqual([]);
    const names = repeat(12, (i) =>
      consoleLogin('Failure', {
        userIdentity: { ...identities.iamUser(), userName: `u${i % 4}` },
        eventTime: at(i),
      }),
    );
    const [finding] = evaluate(toEvents(names), { rules: [RULES.R12] });
    expect(finding?.summary).toContain('4 user names');
    expect(finding?.eventCount).toBe(12);
  });

  test('sequence joins on the extracted key, in time order, within the window', () => {
    const rules = [RULES.R19];
    expect(evaluate(toEvents([newKey('AKIAJOIN1', 0), useKey('AKIAJOIN1', 59)]), { rules })).toHaveLength(1);
    expect(evaluate(toEvents([newKey('AKIAJOIN2', 0), useKey('AKIAJOIN2', 61)]), { rules })).toEqual([]);
    expect(evaluate(toEvents([useKey('AKIAJOIN3', 0), newKey('AKIAJOIN3', 1)]), { rules })).toEqual([]);
    expect(evaluate(toEvents([newKey('AKIAJOIN4', 0), useKey('OTHERKEY', 1)]), { rules })).toEqual([]);
  });

  test('repeated uses of one new key fold into one sequence finding', () => {
    const events = toEvents([newKey('AKIAFOLD', 0), useKey('AKIAFOLD', 1), useKey('AKIAFOLD', 2)]);
    const findings = evaluate(events, { rules: [RULES.R19] });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.dedupKey).toContain('AKIAFOLD');
  });

  test('first-seen consults the baseline with a namespaced value and the baseline window', () => {
    const calls: [BaselineScope, string, string, string][] = [];
    const events = toEvents([call('ec2', 'RunInstances', { awsRegion: 'ap-east-1', eventTime: at(0) })]);
    const findings = evaluate(events, {
      rules: [RULES.R45],
      baseline: (scope, key, value, info) => {
        calls.push([scope, key, value, info.since.toISOString()]);
        return false;
      },
    });
    expect(findings).toHaveLength(1);
    expect(calls).toEqual([['account', '111122223333', 'region:ap-east-1', '2024-04-01T12:00:00.000Z']]);
  });

  test('first-seen alerts once per new value and learns within the batch', () => {
    const events = toEvents(
      [0, 10, 20].map((minutes) =>
        call('ec2', 'RunInstances', { awsRegion: 'ap-east-1', eventTime: at(minutes) }),
      ),
    );
    const findings = evaluate(events, { rules: [RULES.R45] });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.eventCount).toBe(1);
  });

  test('findings carry account, principal, region and event ids', () => {
    const events = toEvents([
      call('cloudtrail', 'StopLogging', { requestParameters: { name: 'main' }, awsRegion: 'eu-west-1' }),
    ]);
    const [finding] = evaluate(events, { rules: [RULES.R66] });
    expect(finding).toMatchObject({
      ruleId: 'R66',
      severity: 'critical',
      accountId: '111122223333',
      principalKey: 'iam-user:arn:aws:iam::111122223333:user/ops/dana',
      region: 'eu-west-1',
      eventCount: 1,
      eventIds: [events[0]?.eventId],
    });
  });
});
