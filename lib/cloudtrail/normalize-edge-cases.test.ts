import { describe, expect, test } from 'vitest';
import { ACCOUNT, makeRecord } from '../../tests/fixtures/cloudtrail/records';
import { MAX_FIELD_LENGTH } from './fields';
import { normalizeRecord, unwrapRecord } from './normalize';
import type { NormalizedEvent } from './types';

// Envelopes around records, and input that is malformed on purpose.

function normalized(raw: unknown): NormalizedEvent {
  const result = normalizeRecord(raw);
  if (!result.ok) throw new Error(`rejected: ${result.reason}`);
  return result.event;
}

describe('normalizeRecord edge cases', () => {
  describe('envelopes', () => {
    test('LookupEvents items carry the record as a JSON string', () => {
      const inner = makeRecord({ eventID: 'lookup-1' });
      const item = {
        EventId: 'lookup-1',
        EventName: 'ListUsers',
        EventTime: '2024-05-01T12:00:00+00:00',
        Username: 'dana',
        Resources: [],
        CloudTrailEvent: JSON.stringify(inner),
      };
      expect(unwrapRecord(item)).toEqual(inner);
      expect(normalized(item).eventId).toBe('lookup-1');
    });

    test('a LookupEvents item with broken JSON is rejected with a reason', () => {
      const item = { EventId: 'x', CloudTrailEvent: '{"eventID": "x",' };
      expect(unwrapRecord(item)).toBe(item);
      expect(normalizeRecord(item)).toEqual({ ok: false, reason: 'CloudTrailEvent is not valid JSON' });
    });

    test('EventBridge envelopes unwrap to detail', () => {
      const detail = makeRecord({ eventID: 'eb-1' });
      const envelope = {
        version: '0',
        id: 'f0',
        'detail-type': 'AWS API Call via CloudTrail',
        source: 'aws.iam',
        account: ACCOUNT,
        time: '2024-05-01T12:00:00Z',
        region: 'us-east-1',
        resources: [],
        detail,
      };
      expect(unwrapRecord(envelope)).toBe(detail);
      expect(normalized(envelope).raw).toBe(detail);
      expect(unwrapRecord({ 'detail-type': 'AWS Console Sign In via CloudTrail', detail })).toBe(detail);
    });

    test('plain records pass through as the same reference', () => {
      const raw = makeRecord();
      expect(unwrapRecord(raw)).toBe(raw);
      for (const value of [null, 1, 'x', [], { detail: 'x' }]) expect(unwrapRecord(value)).toBe(value);
    });
  });

  describe('hostile input', () => {
    test.each([null, undefined, 0, 1.5, 'string', true, [], [makeRecord()], {}, { eventID: {} }])(
      'never throws on %j',
      (raw) => {
        const result = normalizeRecord(raw);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.reason.length).toBeGreaterThan(5);
      },
    );

    test('strings where objects are expected are rejected with a path', () => {
      for (const field of ['userIdentity', 'insightDetails', 'addendum']) {
        const result = normalizeRecord(makeRecord({ [field]: 'oops' }));
        expect(result).toEqual({ ok: false, reason: `${field} is a string, expected an object` });
      }
    });

    test('odd payload shapes are tolerated', () => {
      const event = normalized(
        makeRecord({
          eventName: 'ConsoleLogin',
          responseElements: 'Success',
          additionalEventData: ['MFAUsed'],
          requestParameters: 12,
        }),
      );
      expect(event.consoleLoginOutcome).toBeNull();
      expect(event.mfaAuthenticated).toBeNull();
    });

    test('oversized strings are capped in the normalised fields and kept whole in raw', () => {
      const huge = `aws-cli/2.0 ${'x'.repeat(100_000)}`;
      const raw = makeRecord({ userAgent: huge, errorCode: 'AccessDenied', errorMessage: huge });
      const event = normalized(raw);
      expect(event.userAgent?.length).toBe(MAX_FIELD_LENGTH);
      expect(event.errorMessage?.length).toBe(MAX_FIELD_LENGTH);
      expect(event.userAgentFamily).toBe('aws-cli');
      expect((event.raw.userAgent as string).length).toBe(huge.length);
    });
  });
});
