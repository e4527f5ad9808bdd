import { describe, expect, test } from 'vitest';
import {
  ACCOUNT,
  consoleLogin,
  identities,
  insight,
  makeRecord,
  OTHER_ACCOUNT,
} from '../../tests/fixtures/cloudtrail/records';
import { isAccessDeniedCode, normalizeRecord } from './normalize';
import type { NormalizedEvent } from './types';

function normalized(raw: unknown, sourceFile?: string): NormalizedEvent {
  const result = normalizeRecord(raw, sourceFile ? { sourceFile } : undefined);
  if (!result.ok) throw new Error(`rejected: ${result.reason}`);
  return result.event;
}

describe('normalizeRecord', () => {
  test('maps a plain CLI call field by field', () => {
    const raw = makeRecord({
      eventID: 'e-1',
      requestID: 'r-1',
      sharedEventID: 's-1',
      vpcEndpointId: 'vpce-0123',
      eventVersion: '1.09',
    });
    const event = normalized(raw, 'AWSLogs/111122223333/CloudTrail/us-east-1/2024/05/01/x.json.gz');
    expect(event).toEqual({
      eventId: 'e-1',
      eventTime: new Date('2024-05-01T12:00:00Z'),
      eventTimeSource: 'eventTime',
      eventVersion: '1.09',
      recipientAccountId: ACCOUNT,
      awsRegion: 'us-east-1',
      eventSource: 'iam.amazonaws.com',
      service: 'iam',
      eventName: 'ListUsers',
      eventNameRaw: 'ListUsers',
      eventType: 'AwsApiCall',
      eventCategory: 'Management',
      readOnly: true,
      managementEvent: true,
      errorCode: null,
      errorMessage: null,
      isError: false,
      isAccessDenied: false,
      principalKey: `iam-user:arn:aws:iam::${ACCOUNT}:user/ops/dana`,
      principalType: 'IAMUser',
      principalName: 'dana',
      principalArn: `arn:aws:iam::${ACCOUNT}:user/ops/dana`,
      principalAccountId: ACCOUNT,
      baseRoleArn: null,
      sessionName: null,
      roleSessionKind: null,
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      sessionIssuerArn: null,
      mfaAuthenticated: null,
      isConsole: false,
      sourceIp: '198.51.100.7',
      sourceIpRaw: '198.51.100.7',
      ipKind: 'public',
      userAgent: raw.userAgent,
      userAgentFamily: 'aws-cli',
      userAgentDetail: 'aws-cli/2.15.30',
      invokedBy: null,
      sharedEventId: 's-1',
      requestId: 'r-1',
      vpcEndpointId: 'vpce-0123',
      consoleLoginOutcome: null,
      insightState: null,
      insightType: null,
      addendumReason: null,
      addendumOriginalEventId: null,
      addendumOriginalRequestId: null,
      addendumUpdatedFields: null,
      sourceFile: 'AWSLogs/111122223333/CloudTrail/us-east-1/2024/05/01/x.json.gz',
      raw,
    });
    expect(event.raw).toBe(raw);
  });

  test('role sessions carry issuer, base role and MFA from the session attributes', () => {
    const event = normalized(makeRecord({ userIdentity: identities.assumedRole() }));
    expect(event).toMatchObject({
      principalType: 'AssumedRole',
      sessionName: 'dana-session',
      sessionIssuerArn: `arn:aws:iam::${ACCOUNT}:role/teams/Admin`,
      baseRoleArn: `arn:aws:iam::${ACCOUNT}:role/teams/Admin`,
      accessKeyId: 'ASIAEXAMPLEKEY000001',
      mfaAuthenticated: false,
    });
    expect(normalized(makeRecord({ userIdentity: identities.iamUserConsole() })).mfaAuthenticated).toBe(true);
  });

  test('Lambda versioned names are normalised and the raw name kept', () => {
    const event = normalized(
      makeRecord({ eventSource: 'lambda.amazonaws.com', eventName: 'UpdateFunctionCode20150331v2' }),
    );
    expect(event).toMatchObject({
      service: 'lambda',
      eventName: 'UpdateFunctionCode',
      eventNameRaw: 'UpdateFunctionCode20150331v2',
    });
  });

  describe('errors', () => {
    test.each([
      ['AccessDenied', true],
      ['AccessDeniedException', true],
      ['Client.UnauthorizedOperation', true],
      ['UnauthorizedOperation', true],
      ['UnauthorizedException', true],
      ['Forbidden', true],
      ['ForbiddenException', true],
      ['AuthorizationError', true],
      ['NotAuthorizedException', true],
      ['Server.AccessDenied', true],
      ['NoSuchEntityException', false],
      ['InvalidClientTokenId', false],
      ['AuthorizationPendingException', false],
      ['ThrottlingException', false],
      ['EntityTemporarilyUnmodifiableException', false],
    ])('%s -> access denied: %s', (errorCode, denied) => {
      const event = normalized(makeRecord({ errorCode, errorMessage: 'nope' }));
      expect(event.isError).toBe(true);
      expect(event.isAccessDenied).toBe(denied);
      expect(isAccessDeniedCode(errorCode)).toBe(denied);
    });

    test('no errorCode is success', () => {
      expect(isAccessDeniedCode(null)).toBe(false);
      expect(normalized(makeRecord()).isError).toBe(false);
    });
  });

  describe('console', () => {
    test('successful ConsoleLogin: outcome, MFA from additionalEventData, console flag', () => {
      const event = normalized(consoleLogin('Success'));
      expect(event).toMatchObject({
        eventName: 'ConsoleLogin',
        consoleLoginOutcome: 'Success',
        mfaAuthenticated: true,
        isConsole: true,
        isError: false,
        userAgentFamily: 'console',
        principalKey: `iam-user:arn:aws:iam::${ACCOUNT}:user/ops/dana`,
      });
    });

    test('failed ConsoleLogin with a hidden user name', () => {
      const event = normalized(consoleLogin('Failure'));
      expect(event).toMatchObject({
        consoleLoginOutcome: 'Failure',
        isError: true,
        isAccessDenied: false,
        errorMessage: 'Failed authentication',
        mfaAuthenticated: false,
        principalKey: `hidden-user:${ACCOUNT}:203.0.113.10`,
        accessKeyId: null,
      });
    });

    test('ConsoleLogin without responseElements infers failure from the error message only', () => {
      expect(normalized(consoleLogin('Success', { responseElements: null })).consoleLoginOutcome).toBeNull();
      expect(
        normalized(consoleLogin('Failure', { responseElements: null, errorMessage: 'Failed authentication' }))
          .consoleLoginOutcome,
      ).toBe('Failure');
    });

    test('sessionCredentialFromConsole or a console user agent mark console activity', () => {
      expect(normalized(makeRecord({ sessionCredentialFromConsole: 'true' })).isConsole).toBe(true);
      expect(normalized(makeRecord({ userAgent: 'console.ec2.amazonaws.com' })).isConsole).toBe(true);
      expect(normalized(makeRecord({ eventType: 'AwsConsoleAction' })).isConsole).toBe(true);
      expect(normalized(makeRecord()).isConsole).toBe(false);
    });
  });

  describe('insights', () => {
    test('eventSource/eventName come from insightDetails', () => {
      const start = normalized(insight('Start'));
      expect(start).toMatchObject({
        eventSource: 'ec2.amazonaws.com',
        service: 'ec2',
        eventName: 'RunInstances',
        eventCategory: 'Insight',
        insightState: 'Start',
        insightType: 'ApiCallRateInsight',
        principalKey: 'insight',
        principalType: 'None',
        sourceIp: null,
        sourceIpRaw: null,
        ipKind: null,
        userAgentFamily: 'unknown',
        isError: false,
      });
      expect(normalized(insight('End')).insightState).toBe('End');
    });

    test('eventCategory is inferred when the record predates the field', () => {
      const { eventCategory, ...rest } = insight('Start');
      expect(eventCategory).toBe('Insight');
      expect(normalized(rest).eventCategory).toBe('Insight');
      expect(normalized(makeRecord({ eventCategory: undefined })).eventCategory).toBe('Management');
      expect(normalized(makeRecord({ eventCategory: undefined, managementEvent: false })).eventCategory).toBe(
        'Data',
      );
      expect(
        normalized(makeRecord({ eventCategory: undefined, eventType: 'AwsVpceEvent' })).eventCategory,
      ).toBe('NetworkActivity');
    });
  });

  test('addendum of a late re-delivery', () => {
    const event = normalized(
      makeRecord({
        addendum: {
          reason: 'UPDATED_DATA',
          updatedFields: 'userIdentity,requestParameters',
          originalRequestID: 'r-0',
          originalEventID: 'e-0',
        },
      }),
    );
    expect(event).toMatchObject({
      addendumReason: 'UPDATED_DATA',
      addendumUpdatedFields: 'userIdentity,requestParameters',
      addendumOriginalRequestId: 'r-0',
      addendumOriginalEventId: 'e-0',
    });
  });

  test('readOnly absent is unknown, string booleans are booleans', () => {
    expect(normalized(makeRecord({ readOnly: undefined })).readOnly).toBeNull();
    expect(normalized(makeRecord({ readOnly: 'false', managementEvent: 'true' }))).toMatchObject({
      readOnly: false,
      managementEvent: true,
    });
  });

  describe('recipientAccountId fallbacks', () => {
    test('S3 key of the log file (account and organization trails)', () => {
      const raw = makeRecord({ recipientAccountId: undefined, userIdentity: identities.awsAccount() });
      expect(
        normalized(raw, 'trail/AWSLogs/o-abc123def4/222233334444/CloudTrail/eu-west-1/x.json.gz')
          .recipientAccountId,
      ).toBe('222233334444');
      expect(normalized(raw, 'AWSLogs/222233334444/CloudTrail/eu-west-1/x.json.gz').recipientAccountId).toBe(
        '222233334444',
      );
    });

    test('then the credential owner, then empty', () => {
      expect(
        normalized(makeRecord({ recipientAccountId: undefined, userIdentity: identities.awsAccount() }))
          .recipientAccountId,
      ).toBe(OTHER_ACCOUNT);
      expect(
        normalized(makeRecord({ recipientAccountId: undefined, userIdentity: identities.anonymous() }))
          .recipientAccountId,
      ).toBe('');
      expect(normalized(makeRecord({ recipientAccountId: 11122223333 })).recipientAccountId).toBe(
        '011122223333',
      );
    });
  });
});
