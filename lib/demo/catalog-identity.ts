import { type Catalog, encodePolicy, type OpContext, privateIp } from './catalog-shared';
import { ACCOUNT_LIST, ACCOUNTS, HOME_REGION, TRAIL_NAME } from './org';
import { isoSeconds, javaDate } from './time';

const ROLE_NAMES = ['storefront-web-ec2', 'payments-api-task', 'terraform-deployer', 'github-actions-deploy'];
const USER_NAMES = ['dana', 'tom.okafor', 'svc-backup'];
const SECRETS = ['prod/payments/db', 'prod/storefront/stripe', 'shared/datadog-api-key', 'dev/payments/db'];
const AZ_IDS: Record<string, string> = {
  'us-east-1': 'use1-az4',
  'us-west-2': 'usw2-az2',
  'eu-west-1': 'euw1-az1',
};
const PARAMS = ['/storefront/feature-flags', '/storefront/api-url', '/payments/queue-url'];

function read(params: (c: OpContext) => unknown = () => null, global = false) {
  return { readOnly: true, params, global };
}

function keyArn(c: OpContext): string {
  return `arn:aws:kms:${c.region}:${c.accountId}:key/${c.org.kmsKeys[c.kind]}`;
}

function keyResource(c: OpContext): Record<string, unknown>[] {
  return [{ accountId: c.accountId, type: 'AWS::KMS::Key', ARN: keyArn(c) }];
}

function secretArn(c: OpContext): string {
  return `arn:aws:secretsmanager:${c.region}:${c.accountId}:secret:${c.rng.pick(SECRETS)}-${c.rng.alnum(6)}`;
}

export const CATALOG_IDENTITY: Catalog = {
  'sts:GetCallerIdentity': read(),
  'iam:ListUsers': read(() => null, true),
  'iam:ListRoles': read(() => null, true),
  'iam:ListGroups': read(() => null, true),
  'iam:ListPolicies': read(() => ({ scope: 'Local', onlyAttached: false }), true),
  'iam:GetAccountSummary': read(() => null, true),
  'iam:GetAccountPasswordPolicy': read(() => null, true),
  'iam:GetAccountAuthorizationDetails': read(
    () => ({ filter: ['User', 'Role', 'Group', 'LocalManagedPolicy'] }),
    true,
  ),
  'iam:GetCredentialReport': read(() => null, true),
  'iam:GetUser': read((c) => ({ userName: c.rng.pick(USER_NAMES) }), true),
  'iam:ListAccessKeys': read((c) => ({ userName: c.rng.pick(USER_NAMES) }), true),
  'iam:ListMFADevices': read((c) => ({ userName: c.rng.pick(USER_NAMES) }), true),
  'iam:ListAttachedUserPolicies': read((c) => ({ userName: c.rng.pick(USER_NAMES) }), true),
  'iam:GetRole': read((c) => ({ roleName: c.rng.pick(ROLE_NAMES) }), true),
  'iam:ListAttachedRolePolicies': read((c) => ({ roleName: c.rng.pick(ROLE_NAMES) }), true),
  'iam:ListRolePolicies': read((c) => ({ roleName: c.rng.pick(ROLE_NAMES) }), true),
  'iam:GetRolePolicy': read(
    (c) => ({ roleName: c.rng.pick(ROLE_NAMES), policyName: 'inline-app-access' }),
    true,
  ),
  'iam:GetPolicy': read(
    (c) => ({
      policyArn: `arn:aws:iam::${c.accountId}:policy/${c.rng.pick(['app-s3-access', 'ci-deploy'])}`,
    }),
    true,
  ),
  'iam:GetPolicyVersion': read(
    (c) => ({
      policyArn: `arn:aws:iam::${c.accountId}:policy/app-s3-access`,
      versionId: `v${c.rng.range(2, 9)}`,
    }),
    true,
  ),
  'iam:ListInstanceProfilesForRole': read((c) => ({ roleName: c.rng.pick(ROLE_NAMES) }), true),
  'iam:TagRole': {
    readOnly: false,
    global: true,
    params: (c) => ({
      roleName: c.rng.pick(ROLE_NAMES),
      tags: [{ key: 'ManagedBy', value: 'terraform' }],
    }),
  },
  'iam:PutRolePolicy': {
    readOnly: false,
    global: true,
    params: (c) => ({
      roleName: c.rng.pick(ROLE_NAMES),
      policyName: 'inline-app-access',
      policyDocument: encodePolicy({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['s3:GetObject', 's3:PutObject'],
            Resource: `arn:aws:s3:::acme-${c.kind}-assets/*`,
          },
        ],
      }),
    }),
  },
  'iam:ListUserPolicies': read((c) => ({ userName: c.rng.pick(USER_NAMES) }), true),
  'iam:CreateAccessKey': {
    readOnly: false,
    global: true,
    params: (c) => ({ userName: c.rng.pick(USER_NAMES) }),
  },
  'iam:CreateRole': { readOnly: false, global: true },
  'cloudtrail:StopLogging': { readOnly: false },
  'organizations:DescribeOrganization': read(() => null, true),
  'organizations:ListAccounts': read(() => null, true),
  'organizations:DescribeAccount': read((c) => ({ accountId: c.rng.pick(ACCOUNT_LIST).id }), true),
  'organizations:ListRoots': read(() => null, true),
  'cloudtrail:DescribeTrails': read(() => ({ trailNameList: [], includeShadowTrails: true })),
  'cloudtrail:GetTrailStatus': read(() => ({
    name: `arn:aws:cloudtrail:${HOME_REGION}:${ACCOUNTS.management.id}:trail/${TRAIL_NAME}`,
  })),
  'cloudtrail:GetEventSelectors': read(() => ({
    trailName: `arn:aws:cloudtrail:${HOME_REGION}:${ACCOUNTS.management.id}:trail/${TRAIL_NAME}`,
  })),
  'cloudtrail:LookupEvents': read((c) => ({
    startTime: javaDate(c.time - 86_400_000, true),
    endTime: javaDate(c.time, true),
    lookupAttributes: [
      { attributeKey: 'EventName', attributeValue: c.rng.pick(['ConsoleLogin', 'RunInstances']) },
    ],
    maxResults: 50,
  })),
  'kms:Decrypt': {
    readOnly: true,
    params: (c) => ({
      encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
      encryptionContext: { 'aws:ssm:parameter-name': c.rng.pick(PARAMS) },
    }),
    resources: keyResource,
  },
  'kms:GenerateDataKey': {
    readOnly: true,
    params: (c) => ({ keyId: `alias/${c.kind}-app`, keySpec: 'AES_256' }),
    resources: keyResource,
  },
  'kms:DescribeKey': { readOnly: true, params: (c) => ({ keyId: keyArn(c) }), resources: keyResource },
  'kms:ListAliases': read(),
  'kms:ListKeys': read(),
  'ssm:UpdateInstanceInformation': {
    readOnly: false,
    params: (c) => {
      const ip = privateIp(c.rng, c.kind);
      return {
        instanceId: c.rng.pick(c.kind === 'dev' ? c.org.instances.dev : c.org.instances.prod),
        agentVersion: '3.3.1142.0',
        agentStatus: 'Active',
        platformType: 'Linux',
        platformName: 'Amazon Linux',
        platformVersion: '2023',
        iPAddress: ip,
        computerName: `ip-${ip.replace(/\./g, '-')}.${c.region === 'us-east-1' ? 'ec2.internal' : `${c.region}.compute.internal`}`,
        agentName: 'amazon-ssm-agent',
        availabilityZone: `${c.region}a`,
        availabilityZoneId: AZ_IDS[c.region] ?? 'use1-az4',
        ssmConnectionChannel: 'ssmmessages',
      };
    },
  },
  'ssm:ListInstanceAssociations': read((c) => ({
    instanceId: c.rng.pick(c.kind === 'dev' ? c.org.instances.dev : c.org.instances.prod),
    maxResults: 20,
  })),
  'ssm:GetParameters': read((c) => ({ names: [c.rng.pick(PARAMS)], withDecryption: true })),
  'ssm:GetParametersByPath': read(() => ({ path: '/storefront/', recursive: true, withDecryption: true })),
  'ssm:DescribeInstanceInformation': read(() => ({ maxResults: 50 })),
  'secretsmanager:GetSecretValue': read((c) => ({ secretId: secretArn(c) })),
  'secretsmanager:DescribeSecret': read((c) => ({ secretId: secretArn(c) })),
  'secretsmanager:ListSecrets': read(() => ({ maxResults: 100 })),
  'guardduty:ListDetectors': read(),
  'guardduty:ListFindings': read((c) => ({
    detectorId: c.org.kmsKeys[c.kind].replace(/-/g, ''),
    findingCriteria: { criterion: { 'service.archived': { eq: ['false'] } } },
    maxResults: 50,
  })),
  'config:DescribeConfigRules': read(() => ({})),
  'config:DescribeComplianceByConfigRule': read(() => ({ complianceTypes: ['NON_COMPLIANT'] })),
  'access-analyzer:ListAnalyzers': read(() => ({ type: 'ORGANIZATION' })),
  'ce:GetCostAndUsage': read((c) => {
    const end = isoSeconds(c.time).slice(0, 8);
    return {
      TimePeriod: { Start: `${end}01`, End: isoSeconds(c.time).slice(0, 10) },
      Granularity: 'DAILY',
      Metrics: ['UnblendedCost'],
      GroupBy: [{ Type: 'DIMENSION', Key: 'LINKED_ACCOUNT' }],
    };
  }, true),
  'ce:GetCostForecast': read(
    (c) => ({
      TimePeriod: {
        Start: isoSeconds(c.time).slice(0, 10),
        End: isoSeconds(c.time + 20 * 86_400_000).slice(0, 10),
      },
      Metric: 'UNBLENDED_COST',
      Granularity: 'MONTHLY',
    }),
    true,
  ),
  'health:DescribeEvents': read(() => ({ filter: { eventStatusCodes: ['open', 'upcoming'] } }), true),
};
