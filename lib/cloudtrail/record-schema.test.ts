import { describe, expect, test } from 'vitest';
import { loadOtrf, loadStratus } from '../../tests/fixtures/cloudtrail/datasets';
import { makeRecord } from '../../tests/fixtures/cloudtrail/records';
import { parseIsoTime } from './iso-time';
import { MAX_EVENT_ID_LENGTH, rawRecordSchema, validateRecord } from './record-schema';

function reasonOf(raw: unknown): string {
  const result = validateRecord(raw);
  if (result.ok) throw new Error('expected a rejection');
  return result.reason;
}

describe('validateRecord', () => {
  test('accepts a well-formed record and returns the same object with its time', () => {
    const raw = makeRecord({ eventTime: '2024-07-30T21:31:21Z' });
    const result = validateRecord(raw);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.record).toBe(raw);
    expect(result.eventTime.toISOString()).toBe('2024-07-30T21:31:21.000Z');
    expect(result.eventTimeSource).toBe('eventTime');
  });

  test.each([
    [null, 'record is null, expected an object'],
    [undefined, 'record is undefined, expected an object'],
    [42, 'record is a number, expected an object'],
    ['{"eventID":"x"}', 'record is a string, expected an object'],
    [true, 'record is a boolean, expected an object'],
    [[{ eventID: 'x' }], 'record is an array, expected an object'],
  ])('rejects the non-object %j without throwing', (raw, reason) => {
    expect(reasonOf(raw)).toBe(reason);
  });

  test('names the required-field problems precisely', () => {
    expect(reasonOf({ eventTime: '2024-01-01T00:00:00Z' })).toBe('missing eventID');
    expect(reasonOf(makeRecord({ eventID: 17 }))).toBe('eventID is a number, expected a string');
    expect(reasonOf(makeRecord({ eventID: '' }))).toBe('eventID is empty');
    expect(reasonOf(makeRecord({ eventID: 'x'.repeat(MAX_EVENT_ID_LENGTH + 1) }))).toBe(
      `eventID is longer than ${MAX_EVENT_ID_LENGTH} characters`,
    );
    expect(reasonOf(makeRecord({ eventTime: undefined }))).toBe('missing eventTime');
    expect(reasonOf(makeRecord({ eventTime: 1714564800 }))).toBe('eventTime is a number, expected a string');
    expect(reasonOf(makeRecord({ eventTime: 'yesterday' }))).toBe('eventTime is not an ISO-8601 time');
    expect(reasonOf(makeRecord({ eventTime: '2025-03-26 16:43:57.000000000' }))).toBe(
      'eventTime is not an ISO-8601 time',
    );
  });

  test('recognises whole files and wrappers fed in as records', () => {
    expect(reasonOf({ Records: [] })).toBe('a CloudTrail log file body, not a record');
    expect(reasonOf({ awsAccountId: '1', digestStartTime: 'x', logFiles: [] })).toBe(
      'a CloudTrail digest file, not a record',
    );
    expect(reasonOf({ EventId: 'x', CloudTrailEvent: '{not json' })).toBe(
      'CloudTrailEvent is not valid JSON',
    );
  });

  test('falls back to a Logstash @timestamp only when eventTime is absent', () => {
    const logstash = makeRecord({ eventTime: undefined, '@timestamp': '2020-09-14T00:44:23.000Z' });
    const result = validateRecord(logstash);
    expect(result.ok && result.eventTimeSource).toBe('@timestamp');
    expect(result.ok && result.eventTime.toISOString()).toBe('2020-09-14T00:44:23.000Z');

    const both = validateRecord(makeRecord({ eventTime: '2024-01-01T00:00:00Z', '@timestamp': 'garbage' }));
    expect(both.ok && both.eventTimeSource).toBe('eventTime');
    expect(reasonOf(makeRecord({ eventTime: undefined, '@timestamp': 'garbage' }))).toBe(
      '@timestamp is not an ISO-8601 time',
    );
  });

  test('type-checks the optional fields it reads, with the path in the reason', () => {
    expect(reasonOf(makeRecord({ userAgent: 5 }))).toBe('userAgent is a number, expected a string');
    expect(reasonOf(makeRecord({ readOnly: 'yes' }))).toBe('readOnly is a string, expected a boolean');
    expect(reasonOf(makeRecord({ userIdentity: 'IAMUser' }))).toBe(
      'userIdentity is a string, expected an object',
    );
    expect(reasonOf(makeRecord({ userIdentity: [] }))).toBe('userIdentity is an array, expected an object');
    expect(
      reasonOf(
        makeRecord({ userIdentity: { type: 'AssumedRole', sessionContext: { sessionIssuer: { arn: 1 } } } }),
      ),
    ).toBe('userIdentity.sessionContext.sessionIssuer.arn is a number, expected a string');
    expect(reasonOf(makeRecord({ insightDetails: 'x' }))).toBe(
      'insightDetails is a string, expected an object',
    );
  });

  test('tolerates what real trails and exports do: nulls, string booleans, numeric account ids', () => {
    for (const overrides of [
      { readOnly: 'true', managementEvent: 'false', sessionCredentialFromConsole: 'true' },
      { userIdentity: null, sourceIPAddress: null, userAgent: null, errorCode: null },
      { recipientAccountId: 111122223333, eventVersion: 1.05 },
      { requestParameters: 'anything', responseElements: [1, 2], additionalEventData: 'x' },
      { requestParameters: { reason: 'requestParameters too large', omitted: true } },
      { brandNewField2030: { nested: true } },
    ]) {
      expect(validateRecord(makeRecord(overrides)).ok).toBe(true);
    }
  });

  test('does not throw on oversized fields', () => {
    const huge = 'A'.repeat(200_000);
    expect(
      validateRecord(makeRecord({ userAgent: huge, errorMessage: huge, requestParameters: { p: huge } })).ok,
    ).toBe(true);
  });
});

describe('parseIsoTime', () => {
  test.each([
    ['2024-07-30T21:31:21Z', '2024-07-30T21:31:21.000Z'],
    ['2020-09-14T00:44:23.000Z', '2020-09-14T00:44:23.000Z'],
    ['2024-01-01T00:00:00.123456789Z', '2024-01-01T00:00:00.123Z'],
    ['2024-01-01T00:00:00.9999Z', '2024-01-01T00:00:00.999Z'],
    ['2024-01-01T02:00:00+02:00', '2024-01-01T00:00:00.000Z'],
    ['2024-01-01T00:00:00-0130', '2024-01-01T01:30:00.000Z'],
    // Zone-less: CloudTrail means UTC, independent of the host's TZ.
    ['2024-01-01T00:00:00', '2024-01-01T00:00:00.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
  ])('parses %s', (input, iso) => {
    expect(parseIsoTime(input)?.toISOString()).toBe(iso);
  });

  test.each([
    '',
    '2024-02-30T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2024-13-01T00:00:00Z',
    '2024-01-01T24:00:00Z',
    '2024-01-01T00:60:00Z',
    '2024-01-01 00:00:00Z',
    '2024-01-01',
    '2024-01-01T00:00:00.Z',
    '2024-01-01T00:00:00ZZ',
    '2024-01-01T00:00:00+2',
    '2024-1-01T00:00:00Z',
    '２０２４-01-01T00:00:00Z',
    '0099-01-01T00:00:00Z',
  ])('rejects %j', (input) => {
    expect(parseIsoTime(input)).toBeNull();
  });
});

describe('rawRecordSchema', () => {
  // The zod schema is generated from the same field table; it must agree with the fast path.
  const cases: unknown[] = [
    makeRecord(),
    makeRecord({ eventTime: undefined, '@timestamp': '2020-09-14T00:44:23.000Z' }),
    makeRecord({ eventTime: 'nope' }),
    makeRecord({ eventID: 3 }),
    makeRecord({ eventID: undefined }),
    makeRecord({ userAgent: 5 }),
    makeRecord({ readOnly: 'true' }),
    makeRecord({ readOnly: 'maybe' }),
    makeRecord({ userIdentity: 'x' }),
    makeRecord({ userIdentity: { sessionContext: { attributes: { mfaAuthenticated: 'false' } } } }),
    makeRecord({ userIdentity: { sessionContext: { attributes: { mfaAuthenticated: 2 } } } }),
    makeRecord({ recipientAccountId: 111122223333 }),
    makeRecord({ addendum: { reason: 'DELIVERY_DELAY', originalEventID: 'abc' } }),
    makeRecord({ addendum: { reason: 5 } }),
    null,
    [],
    'x',
  ];

  test('agrees with validateRecord on accept/reject', () => {
    for (const raw of cases) {
      expect(rawRecordSchema.safeParse(raw).success, JSON.stringify(raw)?.slice(0, 120)).toBe(
        validateRecord(raw).ok,
      );
    }
  });

  test('agrees with validateRecord on every real record', () => {
    for (const { origin, record } of [...loadStratus(), ...loadOtrf()]) {
      expect(rawRecordSchema.safeParse(record).success, origin).toBe(true);
    }
  });
});
