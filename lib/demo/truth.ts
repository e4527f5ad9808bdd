// The ground-truth sidecar: what happened, which records show it, and who was
// compromised. Detection and risk-ranking tests read this file instead of
// re-deriving the story from the generator.
//
// <out>/trailhound-demo-truth.json (formatVersion 1):
//   generator, formatVersion, seed, requestedEvents, range {from, to, days},
//   organizationId, managementAccountId, accounts[{id, name, kind, email}],
//   trail {name, homeRegion, bucket}, externalAccounts[{id, note}],
//   networks[DemoNetwork]                  (city/country/lat/long/ASN per /24),
//   attack {day, homeTimeZone, sourceIps {initial, pivot}, networks {initial, pivot},
//           userAgentFamily, createdAccessKey {userName, accessKeyId, createdAt,
//           firstUsedAt, firstUsedIp}, assumedRole {roleArn, sessionName, accessKeyId},
//           exfiltration {bucket, replicationDestination, foreignAccountId},
//           openedSecurityGroup {groupId, cidr, port}, stoppedTrailArn},
//   compromisedPrincipals[TruthPrincipal],
//   storylines[TruthStoryline]             (ids 1-10, events keyed by eventId + accountId),
//   benignPrincipals[...]                  (people with home networks and IPs, svc-backup,
//                                           management root, roles with session names),
//   benignServiceIps, output {logFiles, digestFiles, events, digests}

import { personIps } from './actors-people';
import { NETWORKS } from './geo';
import {
  ACCOUNT_LIST,
  ACCOUNTS,
  type AccountKind,
  type DemoOrg,
  FOREIGN_ACCOUNT_ID,
  HOME_REGION,
  ORG_ID,
  TRAIL_BUCKET,
  TRAIL_NAME,
  VENDOR_ACCOUNT_ID,
} from './org';
import type { DemoEvent } from './record';
import { isoSeconds } from './time';

export const TRUTH_FILE = 'trailhound-demo-truth.json';

export const STORYLINE_NAMES = {
  1: 'Stolen access key used from a new country and ASN',
  2: 'Reconnaissance burst with AccessDenied errors',
  3: 'Access key created for another user and used from a different IP',
  4: 'AssumeRole into an organisation admin role in prod',
  5: 'Off-hours bulk GetObject on the backup bucket',
  6: 'Bucket replication to an account outside the organisation',
  7: 'S3 Transfer Acceleration enabled',
  8: 'Security group opened to 0.0.0.0/0 on port 22',
  9: 'Root console login without MFA',
  10: 'CloudTrail logging stopped',
} as const;

export type StoryId = keyof typeof STORYLINE_NAMES;

export interface AttackFacts {
  newKeyId: string;
  keyCreatedAt: number;
  keyFirstUsedAt: number;
  sessionKeyId: string;
  adminRoleArn: string;
  attackDay: number;
}

export interface TruthPrincipal {
  accountId: string;
  type: string;
  arn: string;
  accessKeyIds?: string[];
  sessionName?: string;
  description: string;
}

export interface TruthEvent {
  eventId: string;
  eventName: string;
  eventTime: string;
  accountId: string;
  region: string;
}

export interface TruthStoryline {
  id: StoryId;
  name: string;
  days: string[];
  start: string | null;
  end: string | null;
  sourceIps: string[];
  principals: TruthPrincipal[];
  eventIds: string[];
  events: TruthEvent[];
}

type CompromisedKey = 'dana' | 'svcBackup' | 'adminSession' | 'prodRoot';

export function compromisedPrincipals(
  org: DemoOrg,
  facts: AttackFacts,
): Record<CompromisedKey, TruthPrincipal> {
  const dana = org.iamPeople[0];
  const prod = ACCOUNTS.prod.id;
  return {
    dana: {
      accountId: dana?.user.accountId ?? '',
      type: 'IAMUser',
      arn: dana?.user.arn ?? '',
      accessKeyIds: dana ? [dana.user.accessKeyId] : [],
      description: "dana's long-term access key, leaked and used by the attacker",
    },
    svcBackup: {
      accountId: org.svcBackup.accountId,
      type: 'IAMUser',
      arn: org.svcBackup.arn,
      accessKeyIds: [facts.newKeyId],
      description:
        'svc-backup, through an access key the attacker created for it (its usual key is not compromised)',
    },
    adminSession: {
      accountId: prod,
      type: 'AssumedRole',
      arn: `arn:aws:sts::${prod}:assumed-role/OrganizationAccountAccessRole/backup-sync`,
      accessKeyIds: [facts.sessionKeyId],
      sessionName: 'backup-sync',
      description: `a session of ${facts.adminRoleArn} obtained with svc-backup's new key`,
    },
    prodRoot: {
      accountId: prod,
      type: 'Root',
      arn: `arn:aws:iam::${prod}:root`,
      description: 'the prod root user, signed in without MFA from the attacker VPS',
    },
  };
}

const STORY_PRINCIPALS: Record<StoryId, CompromisedKey[]> = {
  1: ['dana'],
  2: ['dana'],
  3: ['dana', 'svcBackup'],
  4: ['svcBackup', 'adminSession'],
  5: ['adminSession'],
  6: ['adminSession'],
  7: ['adminSession'],
  8: ['adminSession'],
  9: ['prodRoot'],
  10: ['adminSession'],
};

export function storylineTruth(
  events: Map<StoryId, DemoEvent[]>,
  principals: ReturnType<typeof compromisedPrincipals>,
): TruthStoryline[] {
  const out: TruthStoryline[] = [];
  for (const [id, list] of [...events.entries()].sort(([a], [b]) => a - b)) {
    const times = list.map((e) => e.time).sort((a, b) => a - b);
    const truthEvents = list.map((e) => ({
      eventId: String(e.record.eventID),
      eventName: String(e.record.eventName),
      eventTime: String(e.record.eventTime),
      accountId: e.account,
      region: e.region,
    }));
    out.push({
      id,
      name: STORYLINE_NAMES[id],
      days: [...new Set(times.map((t) => isoSeconds(t).slice(0, 10)))],
      start: times.length > 0 ? isoSeconds(times[0] ?? 0) : null,
      end: times.length > 0 ? isoSeconds(times[times.length - 1] ?? 0) : null,
      sourceIps: [...new Set(list.map((e) => String(e.record.sourceIPAddress)))],
      principals: STORY_PRINCIPALS[id].map((k) => principals[k]),
      eventIds: truthEvents.map((e) => e.eventId),
      events: truthEvents,
    });
  }
  return out;
}

/**
 * Roles the benign actors use, with their session names (`<...>` marks a
 * generated part). A principal is the role plus the session name, so
 * OrganizationAccountAccessRole/dana is benign while /backup-sync is not.
 */
const ROLE_SESSIONS: Record<string, { names: string[]; accounts?: AccountKind[] }> = {
  'security-audit': { names: ['prowler-scan'] },
  'terraform-deployer': { names: ['atlantis-<8 hex>'] },
  AWSServiceRoleForConfig: { names: ['AWSConfig-Describe'] },
  'atlantis-runner': { names: ['<EC2 instance id>'] },
  AWSServiceRoleForAccessAnalyzer: { names: ['access-analyzer'], accounts: ['management'] },
  'cspm-scanner-task': { names: ['<32 hex ECS task id>'] },
  OrganizationAccountAccessRole: { names: ['dana'], accounts: ['prod', 'dev'] },
  'github-actions-deploy': { names: ['GitHubActions'] },
  'storefront-web-ec2': { names: ['<EC2 instance id>'] },
  'payments-api-task': { names: ['<32 hex ECS task id>'] },
  'image-resizer-lambda': { names: ['image-resizer'], accounts: ['prod'] },
  'acme-backup-writer': { names: ['nightly-backup'], accounts: ['prod'] },
  'monitoring-vendor-readonly': { names: ['observa-integration'], accounts: ['prod'] },
  AWSServiceRoleForAutoScaling: { names: ['AutoScaling'], accounts: ['prod'] },
};

export function benignPrincipals(org: DemoOrg): Record<string, unknown>[] {
  const people = [...org.iamPeople, ...org.ssoPeople].map((p) => ({
    kind: p.kind === 'iam' ? 'iam-user' : 'identity-center-user',
    name: p.handle,
    displayName: p.displayName,
    accountId: p.kind === 'iam' ? p.user.accountId : ACCOUNTS.management.id,
    arn: p.kind === 'iam' ? p.user.arn : undefined,
    accessKeyIds: p.kind === 'iam' ? [p.user.accessKeyId] : undefined,
    email: p.kind === 'sso' ? p.email : undefined,
    roles: p.kind === 'sso' ? p.grants.map((g) => g.role.arn) : undefined,
    home: {
      city: p.network.city,
      country: p.network.country,
      timeZone: p.network.timeZone,
      networkId: p.network.id,
    },
    ips: personIps(p),
    workdayStartsLocal: p.startHour,
  }));
  const roles = ACCOUNT_LIST.flatMap((a) =>
    Object.values(org.roles[a.kind]).flatMap((r) => {
      const sessions = ROLE_SESSIONS[r.name];
      if (!sessions || (sessions.accounts && !sessions.accounts.includes(a.kind))) return [];
      return [{ kind: 'role', accountId: a.id, arn: r.arn, name: r.name, sessionNames: sessions.names }];
    }),
  );
  return [
    ...people,
    {
      kind: 'iam-user',
      name: 'svc-backup',
      accountId: org.svcBackup.accountId,
      arn: org.svcBackup.arn,
      accessKeyIds: [org.svcBackup.accessKeyId],
      note: 'benign nightly job at 23:05 America/Denver; compromised only through the key created in storyline 3',
    },
    {
      kind: 'root',
      name: 'management root',
      accountId: ACCOUNTS.management.id,
      arn: `arn:aws:iam::${ACCOUNTS.management.id}:root`,
    },
    ...roles,
  ];
}

export function orgTruth() {
  return {
    organizationId: ORG_ID,
    managementAccountId: ACCOUNTS.management.id,
    accounts: ACCOUNT_LIST.map((a) => ({ id: a.id, name: a.name, kind: a.kind, email: a.email })),
    trail: { name: TRAIL_NAME, homeRegion: HOME_REGION, bucket: TRAIL_BUCKET },
    externalAccounts: [
      { id: FOREIGN_ACCOUNT_ID, note: 'replication destination in storyline 6; not in the organisation' },
      { id: VENDOR_ACCOUNT_ID, note: 'monitoring vendor that assumes a read-only role in prod (benign)' },
    ],
    networks: Object.values(NETWORKS),
  };
}
