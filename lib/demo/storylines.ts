// The attack, following user journey 1: dana's leaked AKIA key is used from a
// VPS, recon, a new key for svc-backup, AssumeRole into prod's
// OrganizationAccountAccessRole, bulk download at 02:00 Denver time,
// replication to a foreign account, Transfer Acceleration, SSH opened to the
// world, a root sign-in without MFA, and StopLogging on prod's own trail (the
// organisation trail keeps recording, which is why the story is visible).
//
// It uses its own random stream so it is identical whatever the event count.

import type { CallOptions, GenContext } from './actor';
import {
  accelerateParams,
  backupKeys,
  createAccessKeyResponse,
  createRoleParams,
  createRoleResponse,
  kaliCli,
  openSshParams,
  openSshResponse,
  RECON,
  replicationParams,
  replicationPolicyParams,
  versioningParams,
} from './attack-shapes';
import { bucketRef, objectBytes, perform } from './dispatch';
import { hostIp, NETWORKS } from './geo';
import { assumedRoleIdentity, iamUserIdentity, rootIdentity } from './identity';
import { ACCOUNTS, type DemoOrg, FOREIGN_ACCOUNT_ID, roleOf } from './org';
import { Prng } from './prng';
import type { Caller, DemoEvent } from './record';
import { s3Event } from './s3';
import { consoleLogin } from './signin';
import { assumeRole } from './sts';
import { DAY, HOUR, isoSeconds, localTimeToUtc } from './time';
import { type AttackFacts, STORYLINE_NAMES, type StoryId } from './truth';

export const ATTACK_IPS = {
  initial: hostIp(NETWORKS.attackerAmsterdam, 47),
  pivot: hostIp(NETWORKS.attackerBucharest, 133),
};
export const ROOT_BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
export const EXFIL_BUCKET = 'bkp-mirror-5521';
export const ATTACK_SESSION = 'backup-sync';
export const PROD_TRAIL_ARN = `arn:aws:cloudtrail:us-east-1:${ACCOUNTS.prod.id}:trail/acme-prod-audit`;

/** Day index (from the start of the range) on which the attack happens. */
export function attackDayIndex(days: number): number {
  return days >= 10 ? days - 4 : Math.max(0, days - 2);
}

export interface StorylineOutput {
  events: Map<StoryId, DemoEvent[]>;
  facts: AttackFacts;
}

export function buildStorylines(org: DemoOrg, seed: number, from: number, days: number): StorylineOutput {
  const rng = new Prng(seed, 'storylines');
  const events = new Map<StoryId, DemoEvent[]>();
  let story: StoryId = 1;
  const g: GenContext = { rng, org, emit: (ev) => events.get(story)?.push(ev) };
  for (const id of Object.keys(STORYLINE_NAMES)) events.set(Number(id) as StoryId, []);
  const at = (id: StoryId) => {
    story = id;
  };
  const call = (caller: Caller, op: string, region: string, t: number, opts: CallOptions = {}) => {
    const [service, name] = op.split(':') as [string, string];
    g.emit(perform(g, { ...caller, userAgent: kaliCli(service, name) }, op, region, t, opts));
  };

  const dana = org.iamPeople[0];
  if (!dana) throw new Error('demo org has no dana');
  const tz = NETWORKS.denverHome.timeZone;
  // The story runs 01:12-03:00 Denver time; when the range does not start at
  // midnight, try the neighbouring days for one that holds all of it.
  const planned = from + attackDayIndex(days) * DAY;
  const fits = (d: number) => {
    const start = localTimeToUtc(tz, d, 1, 12);
    return start >= from && start + 2 * HOUR <= from + days * DAY;
  };
  const day = [planned, planned + DAY, planned - DAY].find(fits) ?? planned;
  let t = localTimeToUtc(tz, day, 1, 12) + rng.int(50) * 1000;
  const step = (min: number, max: number) => {
    t += rng.range(min, max) * 1000;
    return t;
  };

  // 1. The leaked key, first seen from a VPS in a new country and ASN.
  at(1);
  const stolen: Caller = {
    identity: iamUserIdentity(dana.user),
    accountId: dana.user.accountId,
    arn: dana.user.arn,
    ip: ATTACK_IPS.initial,
    userAgent: '',
    style: 'sdk',
  };
  call(stolen, 'sts:GetCallerIdentity', 'us-east-1', t);
  call(stolen, 'iam:GetUser', 'us-east-1', step(15, 30), { params: null });
  call(stolen, 'iam:ListAttachedUserPolicies', 'us-east-1', step(8, 20), { params: { userName: 'dana' } });
  call(stolen, 'iam:ListUserPolicies', 'us-east-1', step(3, 9), { params: { userName: 'dana' } });

  // 2. Recon: many distinct reads across services and regions, ~40% denied.
  at(2);
  step(60, 90);
  for (const [op, regions, denied] of RECON) {
    for (const region of regions) call(stolen, op, region, step(2, 14), { deny: denied });
  }

  // 3. Look at svc-backup's keys, mint a new one, use it from elsewhere 4 minutes later.
  at(3);
  call(stolen, 'iam:ListAccessKeys', 'us-east-1', step(40, 70), { params: { userName: 'svc-backup' } });
  const newKey = rng.awsId('AKIA');
  const keyCreatedAt = step(25, 40);
  call(stolen, 'iam:CreateAccessKey', 'us-east-1', keyCreatedAt, {
    params: { userName: 'svc-backup' },
    response: createAccessKeyResponse('svc-backup', newKey, keyCreatedAt),
  });
  t = keyCreatedAt + 4 * 60_000 + rng.range(5, 40) * 1000;
  const backup: Caller = {
    identity: iamUserIdentity(org.svcBackup, newKey),
    accountId: org.svcBackup.accountId,
    arn: org.svcBackup.arn,
    ip: ATTACK_IPS.pivot,
    userAgent: '',
    style: 'sdk',
  };
  const firstUse = t;
  call(backup, 'sts:GetCallerIdentity', 'us-east-1', t);
  call(backup, 'iam:ListAttachedUserPolicies', 'us-east-1', step(10, 25), {
    params: { userName: 'svc-backup' },
    deny: true,
  });

  // 4. Pivot into prod as the organisation's admin role.
  at(4);
  const adminRole = roleOf(org, 'prod', 'OrganizationAccountAccessRole');
  // The role session lasts an hour, so the pivot waits until just before the download.
  t = localTimeToUtc(tz, day, 1, 49) + rng.int(60) * 1000;
  const issued = assumeRole(rng, {
    time: t,
    caller: { ...backup, userAgent: kaliCli('sts', 'AssumeRole') },
    role: adminRole,
    sessionName: ATTACK_SESSION,
    durationSeconds: 3600,
    callerPrincipalId: org.svcBackup.principalId,
  });
  for (const ev of issued.events) g.emit(ev);
  const admin: Caller = {
    identity: assumedRoleIdentity(adminRole, ATTACK_SESSION, issued.accessKeyId, issued.creationDate),
    accountId: adminRole.accountId,
    arn: `arn:aws:sts::${adminRole.accountId}:assumed-role/${adminRole.name}/${ATTACK_SESSION}`,
    ip: ATTACK_IPS.pivot,
    userAgent: '',
    style: 'sdk',
  };
  call(admin, 'sts:GetCallerIdentity', 'us-east-1', step(10, 20));
  call(admin, 's3:ListBuckets', 'us-east-1', step(10, 20));

  // 5. Bulk download of the backups, starting just after 02:00 Denver time.
  at(5);
  const backups = bucketRef('prodBackups');
  const s3cli = { ...admin, userAgent: kaliCli('s3', 'Sync') };
  t = localTimeToUtc(tz, day, 1, 58) + rng.int(40) * 1000;
  for (let page = 0; page < 3; page++) {
    g.emit(
      s3Event(rng, {
        time: step(1, 3),
        caller: s3cli,
        bucket: backups,
        name: 'ListObjects',
        prefix: '',
        bytesOut: rng.range(200_000, 400_000),
        readOnly: true,
      }),
    );
  }
  t = localTimeToUtc(tz, day, 2, 3) + rng.int(20) * 1000;
  const keys = backupKeys(rng, day, 450);
  for (const key of keys) {
    const bytes = objectBytes(rng, backups.name);
    g.emit(
      s3Event(rng, {
        time: step(2, 4),
        caller: s3cli,
        bucket: backups,
        name: 'GetObject',
        key,
        bytesOut: bytes,
        readOnly: true,
      }),
    );
  }

  // 6. Replicate the bucket to an account outside the organisation.
  at(6);
  const replRole = 'backup-replication';
  const createdAt = step(60, 90);
  call(admin, 'iam:CreateRole', 'us-east-1', createdAt, {
    params: createRoleParams(replRole),
    response: createRoleResponse(rng, adminRole.accountId, replRole, createdAt),
  });
  call(admin, 'iam:PutRolePolicy', 'us-east-1', step(15, 30), {
    params: replicationPolicyParams(replRole, backups.name, EXFIL_BUCKET),
  });
  const s3Write = (name: string, params: Record<string, unknown>) => {
    const { bucketName: _b, Host: _h, ...extra } = params;
    g.emit(
      s3Event(rng, {
        time: step(20, 40),
        caller: { ...admin, userAgent: kaliCli('s3api', name) },
        bucket: backups,
        name,
        extraParams: extra,
        readOnly: false,
      }),
    );
  };
  s3Write('PutBucketVersioning', versioningParams(backups));
  s3Write(
    'PutBucketReplication',
    replicationParams(
      backups,
      `arn:aws:iam::${adminRole.accountId}:role/${replRole}`,
      EXFIL_BUCKET,
      FOREIGN_ACCOUNT_ID,
    ),
  );

  // 7. Transfer Acceleration, for faster pulls from far away.
  at(7);
  s3Write('PutBucketAccelerateConfiguration', accelerateParams(backups));

  // 8. SSH open to the world on a prod security group.
  at(8);
  const groupId = org.securityGroups.prod[0] ?? 'sg-0';
  call(admin, 'ec2:DescribeSecurityGroups', 'us-east-1', step(30, 60));
  call(admin, 'ec2:AuthorizeSecurityGroupIngress', 'us-east-1', step(20, 40), {
    params: openSshParams(groupId),
    response: openSshResponse(rng, adminRole.accountId, groupId),
  });

  // 10. Silence prod's own trail.
  at(10);
  call(admin, 'cloudtrail:DescribeTrails', 'us-east-1', step(30, 50), { accountId: adminRole.accountId });
  const stopAt = step(15, 30);
  call(admin, 'cloudtrail:StopLogging', 'us-east-1', stopAt, { params: { name: PROD_TRAIL_ARN } });

  // 9. Root of prod signs in from the first VPS, without MFA.
  at(9);
  const prod = ACCOUNTS.prod.id;
  t = stopAt + rng.range(9, 14) * 60_000;
  g.emit(
    consoleLogin(rng, {
      time: t,
      identity: rootIdentity(prod, ''),
      accountId: prod,
      arn: `arn:aws:iam::${prod}:root`,
      ip: ATTACK_IPS.initial,
      userAgent: ROOT_BROWSER,
      mfa: false,
    }),
  );
  const root: Caller = {
    identity: rootIdentity(prod, rng.awsId('ASIA'), isoSeconds(t)),
    accountId: prod,
    arn: `arn:aws:iam::${prod}:root`,
    ip: ATTACK_IPS.initial,
    userAgent: ROOT_BROWSER,
    style: 'console',
  };
  g.emit(perform(g, root, 'iam:GetAccountSummary', 'us-east-1', step(20, 40)));
  g.emit(perform(g, root, 'iam:ListUsers', 'us-east-1', step(10, 25)));

  return {
    events,
    facts: {
      newKeyId: newKey,
      keyCreatedAt,
      keyFirstUsedAt: firstUse,
      sessionKeyId: issued.accessKeyId,
      adminRoleArn: adminRole.arn,
      attackDay: day,
    },
  };
}
