import { describe, expect, test } from 'vitest';
import { normalizeEventName, serviceFromEventSource } from './event-name';

describe('normalizeEventName', () => {
  test.each([
    ['UpdateFunctionCode20150331v2', 'UpdateFunctionCode'],
    ['AddPermission20150331v2', 'AddPermission'],
    ['UpdateFunctionConfiguration20150331v2', 'UpdateFunctionConfiguration'],
    ['CreateFunction20150331', 'CreateFunction'],
    ['ListFunctions20150331', 'ListFunctions'],
    ['GetLayerVersionPolicy20181031', 'GetLayerVersionPolicy'],
  ])('strips the Lambda API version from %s', (raw, name) => {
    expect(normalizeEventName(raw)).toBe(name);
  });

  test.each([
    'ConsoleLogin',
    'PutBucketPublicAccessBlock',
    'GetObject',
    'CreateEc2Instance2',
    'Get12345678',
    '20150331',
  ])('leaves %s alone', (raw) => {
    expect(normalizeEventName(raw)).toBe(raw);
  });
});

describe('serviceFromEventSource', () => {
  test.each([
    ['iam.amazonaws.com', 'iam'],
    ['monitoring.amazonaws.com', 'monitoring'],
    ['ec2-instance-connect.amazonaws.com', 'ec2-instance-connect'],
    ['signin.amazonaws.com', 'signin'],
    ['s3.amazonaws.com.cn', 's3'],
    ['health.aws.internal', 'health'],
    ['IAM.AMAZONAWS.COM', 'iam'],
    ['custom', 'custom'],
  ])('%s -> %s', (source, service) => {
    expect(serviceFromEventSource(source)).toBe(service);
  });
});
