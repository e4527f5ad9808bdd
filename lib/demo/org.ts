// The fictional "Acme" organisation behind the demo trail. Names, accounts and
// networks are fixed; every AWS unique id (AIDA/AROA/AKIA...) comes from the
// seed so that two seeds give two distinct but equally plausible estates.

import type { DemoNetwork } from './geo';
import { buildPeople, EMAIL_DOMAIN, makeUser } from './people';
import { Prng } from './prng';

export type AccountKind = 'management' | 'prod' | 'dev' | 'security';

export interface DemoAccount {
  id: string;
  name: string;
  kind: AccountKind;
  email: string;
}

export const ORG_ID = 'o-7k2mq9xv4d';
export const HOME_REGION = 'us-east-1';
export const TRAIL_NAME = 'acme-org-trail';
export { EMAIL_DOMAIN };

export const ACCOUNTS: Record<AccountKind, DemoAccount> = {
  management: { id: '604372918245', name: 'acme-management', kind: 'management', email: '' },
  prod: { id: '873125496017', name: 'acme-prod', kind: 'prod', email: '' },
  dev: { id: '251847630912', name: 'acme-dev', kind: 'dev', email: '' },
  security: { id: '739482015563', name: 'acme-security', kind: 'security', email: '' },
};
for (const a of Object.values(ACCOUNTS)) a.email = `aws+${a.name}@${EMAIL_DOMAIN}`;

export const ACCOUNT_LIST: DemoAccount[] = Object.values(ACCOUNTS);
export const TRAIL_BUCKET = `acme-org-cloudtrail-${ACCOUNTS.security.id}`;
/** Outside the organisation: the replication target of storyline 6. */
export const FOREIGN_ACCOUNT_ID = '982164507391';
/** A SaaS monitoring vendor that reads the prod account through a role. */
export const VENDOR_ACCOUNT_ID = '316497428175';

export interface DemoRole {
  accountId: string;
  name: string;
  path: string;
  id: string;
  arn: string;
}

export interface DemoUser {
  accountId: string;
  userName: string;
  principalId: string;
  arn: string;
  accessKeyId: string;
  keyCreated: string;
}

export interface Person {
  handle: string;
  displayName: string;
  network: DemoNetwork;
  /** Used on some days instead of `network` (office, second ISP lease). */
  altNetwork?: DemoNetwork;
  hosts: [number, number];
  /** Typical start of the working day, local hour. */
  startHour: number;
  browser: string;
  cli: string;
  profile: 'platform' | 'finance' | 'developer' | 'sre' | 'security';
}

export interface IamPerson extends Person {
  kind: 'iam';
  user: DemoUser;
  mfaSerial: string;
}

export interface SsoGrant {
  role: DemoRole;
  weight: number;
}

export interface SsoPerson extends Person {
  kind: 'sso';
  email: string;
  userId: string;
  grants: SsoGrant[];
}

function makeRole(rng: Prng, accountId: string, name: string, path = '/'): DemoRole {
  return {
    accountId,
    name,
    path,
    id: rng.awsId('AROA', 17),
    arn: `arn:aws:iam::${accountId}:role${path}${name}`,
  };
}

export type RoleMap = Record<string, DemoRole>;

export interface DemoOrg {
  roles: Record<AccountKind, RoleMap>;
  iamPeople: IamPerson[];
  ssoPeople: SsoPerson[];
  svcBackup: DemoUser;
  identityStoreArn: string;
  samlProviderHash: string;
  instances: { prod: string[]; dev: string[]; atlantis: string };
  securityGroups: Record<'prod' | 'dev', string[]>;
  vpcs: Record<'prod' | 'dev', string>;
  kmsKeys: Record<AccountKind, string>;
}

const SSO_SETS = [
  'AdministratorAccess',
  'PowerUserAccess',
  'DeveloperAccess',
  'ReadOnlyAccess',
  'SecurityAudit',
];

export function buildOrg(seed: number): DemoOrg {
  const rng = new Prng(seed, 'org');
  const roles = {} as Record<AccountKind, RoleMap>;
  for (const account of ACCOUNT_LIST) {
    const r: RoleMap = {};
    const add = (name: string, path = '/') => {
      r[name] = makeRole(rng, account.id, name, path);
    };
    add('OrganizationAccountAccessRole');
    add('terraform-deployer');
    add('security-audit');
    add('AWSServiceRoleForConfig', '/aws-service-role/config.amazonaws.com/');
    add('AWSServiceRoleForAccessAnalyzer', '/aws-service-role/access-analyzer.amazonaws.com/');
    add('AWSServiceRoleForSSO', '/aws-service-role/sso.amazonaws.com/');
    for (const set of SSO_SETS) {
      const name = `AWSReservedSSO_${set}_${rng.hex(16)}`;
      r[set] = makeRole(rng, account.id, name, '/aws-reserved/sso.amazonaws.com/');
    }
    if (account.kind === 'prod' || account.kind === 'dev') {
      add('github-actions-deploy');
      add('storefront-web-ec2');
      add('payments-api-task');
      add('image-resizer-lambda');
      add('AWSServiceRoleForAutoScaling', '/aws-service-role/autoscaling.amazonaws.com/');
      add('AWSServiceRoleForECS', '/aws-service-role/ecs.amazonaws.com/');
      add('acme-backup-writer');
      add('monitoring-vendor-readonly');
    }
    if (account.kind === 'management') add('atlantis-runner');
    if (account.kind === 'security') add('cspm-scanner-task');
    roles[account.kind] = r;
  }
  const need = (kind: AccountKind, name: string): DemoRole => {
    const role = roles[kind][name];
    if (!role) throw new Error(`demo org has no role ${name} in ${kind}`);
    return role;
  };

  const { iamPeople, ssoPeople } = buildPeople(rng, need, ACCOUNTS.management.id);
  const svcBackup = makeUser(rng, ACCOUNTS.management.id, 'svc-backup', '2024-11-19T22:40:31Z');
  const instance = () => `i-0${rng.hex(16)}`;
  return {
    roles,
    iamPeople,
    ssoPeople,
    svcBackup,
    identityStoreArn: `arn:aws:identitystore::${ACCOUNTS.management.id}:identitystore/d-9067${rng.hex(6)}`,
    samlProviderHash: rng.base64(27).replace(/[+/]/g, 'x'),
    instances: {
      prod: [instance(), instance(), instance(), instance()],
      dev: [instance(), instance()],
      atlantis: instance(),
    },
    securityGroups: {
      prod: [`sg-0${rng.hex(16)}`, `sg-0${rng.hex(16)}`, `sg-0${rng.hex(16)}`],
      dev: [`sg-0${rng.hex(16)}`, `sg-0${rng.hex(16)}`],
    },
    vpcs: { prod: `vpc-0${rng.hex(16)}`, dev: `vpc-0${rng.hex(16)}` },
    kmsKeys: {
      management: rng.uuid(),
      prod: rng.uuid(),
      dev: rng.uuid(),
      security: rng.uuid(),
    },
  };
}

export function roleOf(org: DemoOrg, kind: AccountKind, name: string): DemoRole {
  const role = org.roles[kind][name];
  if (!role) throw new Error(`demo org has no role ${name} in ${kind}`);
  return role;
}

export function accountKindOf(accountId: string): AccountKind {
  const found = ACCOUNT_LIST.find((a) => a.id === accountId);
  if (!found) throw new Error(`not a demo account: ${accountId}`);
  return found.kind;
}

export const BUCKETS = {
  prodBackups: { name: 'acme-prod-backups', account: 'prod', region: 'us-east-1' },
  prodAssets: { name: 'acme-prod-assets', account: 'prod', region: 'us-east-1' },
  prodUploads: { name: 'acme-prod-user-uploads', account: 'prod', region: 'eu-west-1' },
  devArtifacts: { name: 'acme-dev-build-artifacts', account: 'dev', region: 'us-west-2' },
  tfState: { name: 'acme-terraform-state', account: 'management', region: 'us-east-1' },
} as const satisfies Record<string, { name: string; account: AccountKind; region: string }>;

export const REGIONS_SCANNED = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'eu-west-1',
  'eu-central-1',
  'ap-southeast-2',
];
