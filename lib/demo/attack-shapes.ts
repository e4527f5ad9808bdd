// Request/response shapes for the attacker's write calls, modelled on real
// records (S3 sub-resource XML bodies rendered as JSON, EC2 `items` sets,
// URL-encoded IAM policy documents).

import { EMPTY_SET, encodePolicy, itemSet } from './catalog-shared';
import type { Prng } from './prng';
import { type BucketRef, s3Host } from './s3';
import { DAY, javaDate } from './time';

const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';

export function replicationParams(
  bucket: BucketRef,
  roleArn: string,
  destBucket: string,
  destAccount: string,
) {
  return {
    replication: '',
    bucketName: bucket.name,
    Host: s3Host(bucket),
    ReplicationConfiguration: {
      xmlns: S3_XMLNS,
      Role: roleArn,
      Rule: {
        ID: 'sync-all',
        Status: 'Enabled',
        Priority: 1,
        DeleteMarkerReplication: { Status: 'Disabled' },
        Filter: { Prefix: '' },
        Destination: {
          Bucket: `arn:aws:s3:::${destBucket}`,
          Account: destAccount,
          AccessControlTranslation: { Owner: 'Destination' },
        },
      },
    },
  };
}

export function accelerateParams(bucket: BucketRef) {
  return {
    bucketName: bucket.name,
    Host: s3Host(bucket),
    accelerate: '',
    AccelerateConfiguration: { xmlns: S3_XMLNS, Status: 'Enabled' },
  };
}

export function versioningParams(bucket: BucketRef) {
  return {
    bucketName: bucket.name,
    Host: s3Host(bucket),
    versioning: '',
    VersioningConfiguration: { xmlns: S3_XMLNS, Status: 'Enabled' },
  };
}

export function openSshParams(groupId: string) {
  return {
    groupId,
    ipPermissions: itemSet([
      {
        ipProtocol: 'tcp',
        fromPort: 22,
        toPort: 22,
        groups: EMPTY_SET,
        ipRanges: itemSet([{ cidrIp: '0.0.0.0/0' }]),
        ipv6Ranges: EMPTY_SET,
        prefixListIds: EMPTY_SET,
      },
    ]),
  };
}

export function openSshResponse(rng: Prng, accountId: string, groupId: string) {
  return {
    requestId: rng.uuid(),
    _return: true,
    securityGroupRuleSet: itemSet([
      {
        groupOwnerId: accountId,
        groupId,
        securityGroupRuleId: `sgr-0${rng.hex(16)}`,
        isEgress: false,
        ipProtocol: 'tcp',
        fromPort: 22,
        toPort: 22,
        cidrIpv4: '0.0.0.0/0',
      },
    ]),
  };
}

const S3_TRUST = encodePolicy({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

export function createRoleParams(roleName: string) {
  return { roleName, assumeRolePolicyDocument: S3_TRUST };
}

export function createRoleResponse(rng: Prng, accountId: string, roleName: string, time: number) {
  return {
    role: {
      path: '/',
      roleName,
      roleId: rng.awsId('AROA', 17),
      arn: `arn:aws:iam::${accountId}:role/${roleName}`,
      createDate: javaDate(time, false),
      assumeRolePolicyDocument: S3_TRUST,
    },
  };
}

export function replicationPolicyParams(roleName: string, source: string, dest: string) {
  return {
    roleName,
    policyName: 'replication',
    policyDocument: encodePolicy({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['s3:GetReplicationConfiguration', 's3:ListBucket', 's3:GetObjectVersionForReplication'],
          Resource: [`arn:aws:s3:::${source}`, `arn:aws:s3:::${source}/*`],
        },
        {
          Effect: 'Allow',
          Action: ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ObjectOwnerOverrideToBucketOwner'],
          Resource: `arn:aws:s3:::${dest}/*`,
        },
      ],
    }),
  };
}

export function createAccessKeyResponse(userName: string, accessKeyId: string, time: number) {
  return { accessKey: { userName, accessKeyId, status: 'Active', createDate: javaDate(time, false) } };
}

/** The CLI names the command it ran at the end of its user agent. */
export function kaliCli(service: string, eventName: string): string {
  const command = eventName
    .replace(/\d{8}(v\d+)?$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
  return `aws-cli/2.15.30 Python/3.11.8 Linux/6.6.9-amd64 exe/x86_64.kali.2024 prompt/off command/${service}.${command}`;
}

/** What the attacker enumerates with dana's key, and whether her policies deny it. */
export type Recon = [op: string, regions: string[], denied: boolean];
export const RECON: Recon[] = [
  ['iam:ListUsers', ['us-east-1'], false],
  ['iam:ListRoles', ['us-east-1'], false],
  ['iam:GetAccountAuthorizationDetails', ['us-east-1'], true],
  ['iam:ListPolicies', ['us-east-1'], false],
  ['iam:ListGroups', ['us-east-1'], false],
  ['iam:GetCredentialReport', ['us-east-1'], true],
  ['iam:GetAccountSummary', ['us-east-1'], false],
  ['organizations:DescribeOrganization', ['us-east-1'], false],
  ['organizations:ListAccounts', ['us-east-1'], false],
  ['organizations:ListRoots', ['us-east-1'], true],
  ['s3:ListBuckets', ['us-east-1'], false],
  ['ec2:DescribeRegions', ['us-east-1'], false],
  [
    'ec2:DescribeInstances',
    ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'],
    false,
  ],
  ['ec2:DescribeSecurityGroups', ['us-east-1', 'us-west-2', 'eu-west-1'], false],
  ['ec2:DescribeSnapshots', ['us-east-1', 'us-west-2'], true],
  ['ec2:DescribeVpcs', ['us-east-1', 'eu-west-1'], false],
  ['ec2:DescribeKeyPairs', ['us-east-1', 'eu-west-1'], false],
  ['ec2:DescribeAddresses', ['us-east-1'], false],
  ['secretsmanager:ListSecrets', ['us-east-1', 'us-west-2', 'eu-west-1'], true],
  ['ssm:GetParametersByPath', ['us-east-1', 'us-west-2'], true],
  ['kms:ListKeys', ['us-east-1', 'us-west-2'], true],
  ['kms:ListAliases', ['us-east-1'], false],
  ['lambda:ListFunctions20150331', ['us-east-1', 'us-west-2'], false],
  ['rds:DescribeDBInstances', ['us-east-1', 'eu-west-1'], true],
  ['dynamodb:ListTables', ['us-east-1', 'us-west-2'], true],
  ['guardduty:ListDetectors', ['us-east-1', 'us-west-2', 'eu-west-1'], true],
  ['cloudtrail:DescribeTrails', ['us-east-1'], false],
  ['cloudtrail:GetTrailStatus', ['us-east-1'], false],
  ['config:DescribeConfigRules', ['us-east-1'], true],
  ['access-analyzer:ListAnalyzers', ['us-east-1'], true],
  ['logs:DescribeLogGroups', ['us-east-1', 'us-west-2'], false],
  ['cloudformation:ListStacks', ['us-east-1'], false],
  ['monitoring:DescribeAlarms', ['us-east-1'], false],
  ['ce:GetCostAndUsage', ['us-east-1'], true],
];

/** Distinct keys of the nightly database dumps, newest first. */
export function backupKeys(rng: Prng, day: number, n: number): string[] {
  const keys: string[] = [];
  for (let i = 0; i < n; i++) {
    const date = new Date(day - (i % 90) * DAY).toISOString().slice(0, 10);
    const db = ['payments', 'storefront', 'accounts', 'inventory', 'audit'][Math.floor(i / 90)] ?? 'misc';
    keys.push(`postgres/${db}/${date}/base-${rng.hex(8)}.tar.zst`);
  }
  return keys;
}
