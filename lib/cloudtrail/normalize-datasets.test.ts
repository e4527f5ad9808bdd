import { describe, expect, test } from 'vitest';
import {
  loadOtrf,
  loadOtrfLabels,
  loadStratus,
  loadStratusLabels,
} from '../../tests/fixtures/cloudtrail/datasets';
import { normalizeRecord } from './normalize';
import type { NormalizedEvent } from './types';

// Every record of both real datasets must normalise (neither needs a documented rejection), and the
// results must agree with the datasets' ground truth.

function normalized(raw: unknown): NormalizedEvent {
  const result = normalizeRecord(raw);
  if (!result.ok) throw new Error(`rejected: ${result.reason}`);
  return result.event;
}

describe('real datasets', () => {
  test('every Stratus record normalises, per-file counts match labels.json', () => {
    const labels = loadStratusLabels();
    const perFile = new Map<string, number>();
    const records = loadStratus();
    for (const { origin, record } of records) {
      const result = normalizeRecord(record);
      expect(result.ok ? 'ok' : result.reason, origin).toBe('ok');
      if (!result.ok) continue;
      const file = origin.slice('stratus/'.length, origin.indexOf('#'));
      perFile.set(file, (perFile.get(file) ?? 0) + 1);
      expect(result.event.eventTimeSource).toBe('eventTime');
      expect(result.event.recipientAccountId, origin).toMatch(/^\d{12}$/);
    }
    expect(records.length).toBe(labels.total_records);
    for (const file of labels.files)
      expect(perFile.get(file.file.replace('logs/', '')), file.file).toBe(file.records);
  });

  test('Stratus: errors and console sign-in are recognised', () => {
    const events = loadStratus().map(({ record }) => normalized(record));
    expect(events.filter((e) => e.isError)).toHaveLength(52);
    expect(events.filter((e) => e.isAccessDenied)).toHaveLength(51);
    const login = events.find((e) => e.eventName === 'ConsoleLogin');
    expect(login).toMatchObject({ consoleLoginOutcome: 'Success', mfaAuthenticated: false, isConsole: true });
    const lambda = events.filter((e) => e.service === 'lambda').map((e) => e.eventName);
    expect(lambda.sort()).toEqual(['AddPermission', 'UpdateFunctionCode', 'UpdateFunctionConfiguration']);
  });

  test('every OTRF record normalises from @timestamp; malicious records are the stolen EC2 session', () => {
    const labels = new Map(loadOtrfLabels().map((label) => [label.eventID, label]));
    const records = loadOtrf();
    expect(records).toHaveLength(103);
    for (const { origin, record } of records) {
      const event = normalized(record);
      const label = labels.get(event.eventId);
      expect(label, origin).toBeDefined();
      expect(event.eventTimeSource).toBe('@timestamp');
      expect(event.eventTime.toISOString()).toBe(record['@timestamp']);
      if (label?.label === 'malicious') {
        expect(event, origin).toMatchObject({
          principalType: 'AssumedRole',
          roleSessionKind: 'ec2-instance',
          userAgentFamily: 'aws-cli',
          isConsole: false,
        });
      } else if (event.principalType === 'IAMUser') {
        expect(event, origin).toMatchObject({
          principalName: 'pedro',
          mfaAuthenticated: true,
          isConsole: true,
        });
      } else {
        expect(event, origin).toMatchObject({
          principalKey: 'service:ec2.amazonaws.com',
          ipKind: 'aws-service',
          eventName: 'AssumeRole',
        });
      }
    }
  });
});
