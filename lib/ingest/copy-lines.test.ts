import { expect, test } from 'vitest';
import { ACCOUNT, makeRecord, OTHER_ACCOUNT } from '../../tests/fixtures/cloudtrail/records';
import { normalizeRecord } from '../cloudtrail';
import { RepeatedEvents } from './copy-lines';
import type { DecodedRow } from './record-decoder';

function rows(...records: Record<string, unknown>[]): DecodedRow[] {
  return records.map((record, ordinal) => {
    const result = normalizeRecord(record);
    if (!result.ok) throw new Error(result.reason);
    return { event: result.event, ordinal, detail: null };
  });
}

test('a row repeats an earlier one only when account, eventID and eventTime all match', () => {
  const first = makeRecord({ recipientAccountId: ACCOUNT });
  const sameIdOtherAccount = { ...first, recipientAccountId: OTHER_ACCOUNT };
  const sameIdOtherTime = { ...first, eventTime: '2024-05-01T12:00:01Z' };
  const repeats = new RepeatedEvents();
  expect(repeats.among(rows(first, makeRecord(), sameIdOtherAccount, sameIdOtherTime))).toEqual([]);
  // Later files of the batch: each earlier variant, and the plain first one, is now a repeat.
  expect(repeats.among(rows(sameIdOtherTime, makeRecord(), first, sameIdOtherAccount))).toEqual([0, 2, 3]);
});

test('the same event twice within one file repeats once', () => {
  const record = makeRecord();
  expect(new RepeatedEvents().among(rows(record, record, makeRecord(), record))).toEqual([1, 3]);
});
