// Workloads: EC2/ECS/Lambda roles in prod and dev (the bulk of any real trail,
// including S3 data events), the nightly svc-backup job, and a SaaS monitoring
// vendor that polls prod through a cross-account role.

import { type Actor, diurnal, type GenContext, uniformTimes } from './actor';
import { bucketRef, objectBytes, perform } from './dispatch';
import { hostIp, NETWORKS } from './geo';
import { assumedRoleIdentity, awsServiceIdentity, iamUserIdentity } from './identity';
import { ACCOUNTS, type DemoRole, type DemoUser, roleOf, VENDOR_ACCOUNT_ID } from './org';
import type { OpMix } from './profiles';
import { VENDOR_OPS } from './profiles';
import type { Caller } from './record';
import { objectKey, s3Event } from './s3';
import { assumeRole } from './sts';
import { HOUR, localHourAndDay } from './time';

interface AppSession {
  caller: Caller;
  expires: number;
}

export interface AppRoleSpec {
  id: string;
  kind: 'prod' | 'dev';
  roleName: string;
  principal: 'ec2.amazonaws.com' | 'ecs-tasks.amazonaws.com' | 'lambda.amazonaws.com';
  region: string;
  userAgent: string;
  /** The SSM agent signs its own calls with its own SDK. */
  agentUserAgent?: string;
  ops: OpMix;
  /** Public egress (NAT or Lambda) addresses. */
  egress: string[];
  credentialHours: number;
  /** Share of same-region S3 calls that go through a gateway endpoint. */
  vpceShare: number;
  /** Dev workloads are scaled to zero outside Denver office hours to save money. */
  officeHoursOnly?: boolean;
}

/** A workload role: service-issued credentials, then a steady mix of calls. */
export class AppRoleActor implements Actor {
  readonly id: string;
  private readonly sessions = new Map<string, AppSession>();
  private readonly vpce: string;

  constructor(
    private readonly spec: AppRoleSpec,
    private readonly sessionNames: string[],
    vpceId: string,
  ) {
    this.id = spec.id;
    this.vpce = vpceId;
  }

  weight(hour: number): number {
    if (!this.spec.officeHoursOnly) return diurnal(hour);
    const { hour: h, weekday } = localHourAndDay('America/Denver', hour);
    return weekday !== 0 && weekday !== 6 && h >= 7 && h < 20 ? 1 : 0;
  }

  private session(g: GenContext, name: string, t: number): [AppSession, number] {
    const existing = this.sessions.get(name);
    if (existing && existing.expires > t) return [existing, 0];
    const role = roleOf(g.org, this.spec.kind, this.spec.roleName);
    const service: Caller = {
      identity: awsServiceIdentity(this.spec.principal),
      accountId: role.accountId,
      arn: this.spec.principal,
      ip: this.spec.principal,
      userAgent: this.spec.principal,
      style: 'service',
    };
    const issued = assumeRole(g.rng, {
      time: t - 2000,
      caller: service,
      role,
      sessionName: name,
      viaService: true,
    });
    for (const ev of issued.events) g.emit(ev);
    const session: AppSession = {
      caller: {
        identity: assumedRoleIdentity(role, name, issued.accessKeyId, issued.creationDate, {
          ec2RoleDelivery: this.spec.principal === 'ec2.amazonaws.com' ? '2.0' : undefined,
        }),
        accountId: role.accountId,
        arn: `arn:aws:sts::${role.accountId}:assumed-role/${role.name}/${name}`,
        ip: g.rng.pick(this.spec.egress),
        userAgent: this.spec.userAgent,
        style: 'sdk',
      },
      expires: t + this.spec.credentialHours * HOUR,
    };
    this.sessions.set(name, session);
    return [session, issued.events.length];
  }

  run(g: GenContext, hour: number, count: number): void {
    let emitted = 0;
    for (const t of uniformTimes(g.rng, hour, count)) {
      if (emitted >= count) break;
      const name = g.rng.pick(this.sessionNames);
      const [session, issued] = this.session(g, name, t);
      emitted += issued + this.call(g, session.caller, name, t);
    }
  }

  private call(g: GenContext, caller: Caller, sessionName: string, t: number): number {
    const op = g.rng.weighted(this.spec.ops);
    const [verb, target] = op.split(':') as [string, string];
    if (verb === 'get' || verb === 'put') {
      const bucket = bucketRef(target as Parameters<typeof bucketRef>[0]);
      const viaEndpoint = bucket.region === this.spec.region && g.rng.chance(this.spec.vpceShare);
      const c: Caller = viaEndpoint
        ? {
            ...caller,
            ip: `10.${this.spec.kind === 'prod' ? 20 : 30}.${g.rng.range(0, 63)}.${g.rng.range(4, 250)}`,
            vpcEndpointId: this.vpce,
          }
        : caller;
      const missing = verb === 'get' && g.rng.chance(0.006);
      g.emit(
        s3Event(g.rng, {
          time: t,
          caller: c,
          bucket,
          name: verb === 'get' ? 'GetObject' : 'PutObject',
          key: objectKey(g.rng, bucket.name, t),
          bytesOut: verb === 'get' && !missing ? objectBytes(g.rng, bucket.name) : 0,
          bytesIn: verb === 'put' ? objectBytes(g.rng, bucket.name) : 0,
          response: verb === 'put' ? { 'x-amz-server-side-encryption': 'AES256' } : undefined,
          readOnly: verb === 'get',
          error: missing ? { code: 'NoSuchKey', message: 'The specified key does not exist.' } : undefined,
        }),
      );
      return 1;
    }
    if (op.startsWith('ssm:') && this.spec.agentUserAgent) {
      const ev = perform(g, { ...caller, userAgent: this.spec.agentUserAgent }, op, this.spec.region, t);
      const params = ev.record.requestParameters as Record<string, unknown> | null;
      // The agent reports for the instance whose credentials it holds.
      if (params && 'instanceId' in params) params.instanceId = sessionName;
      g.emit(ev);
      return 1;
    }
    g.emit(perform(g, caller, op, this.spec.region, t));
    if (op === 'secretsmanager:GetSecretValue') {
      // Secrets Manager decrypts with KMS on the caller's behalf.
      const identity = { ...caller.identity, invokedBy: 'secretsmanager.amazonaws.com' };
      const via: Caller = {
        ...caller,
        identity,
        ip: 'secretsmanager.amazonaws.com',
        userAgent: 'secretsmanager.amazonaws.com',
        style: 'service',
      };
      g.emit(perform(g, via, 'kms:Decrypt', this.spec.region, t));
      return 2;
    }
    return 1;
  }
}

/** The nightly backup job: an on-prem server with a long-term key, 23:05 Denver time. */
export class BackupJobActor implements Actor {
  readonly id = 'iam:svc-backup';

  constructor(private readonly user: DemoUser) {}

  static readonly ip = hostIp(NETWORKS.denverOffice, 211);
  static readonly userAgent = 'aws-cli/1.33.12 Python/3.9.19 Linux/5.15.0-122-generic botocore/1.34.130';

  weight(hour: number): number {
    return localHourAndDay(NETWORKS.denverOffice.timeZone, hour).hour === 23 ? 1 : 0;
  }

  run(g: GenContext, hour: number, count: number): void {
    const caller: Caller = {
      identity: iamUserIdentity(this.user),
      accountId: this.user.accountId,
      arn: this.user.arn,
      ip: BackupJobActor.ip,
      userAgent: BackupJobActor.userAgent,
      style: 'legacy-sdk',
    };
    let t = hour + 5 * 60_000 + g.rng.int(90) * 1000;
    g.emit(perform(g, caller, 'sts:GetCallerIdentity', 'us-east-1', t));
    const role: DemoRole = roleOf(g.org, 'prod', 'acme-backup-writer');
    t += 2000;
    const issued = assumeRole(g.rng, {
      time: t,
      caller,
      role,
      sessionName: 'nightly-backup',
      durationSeconds: 3600,
      callerPrincipalId: this.user.principalId,
    });
    for (const ev of issued.events) g.emit(ev);
    const session: Caller = {
      ...caller,
      identity: assumedRoleIdentity(role, 'nightly-backup', issued.accessKeyId, issued.creationDate),
      accountId: role.accountId,
      arn: `arn:aws:sts::${role.accountId}:assumed-role/${role.name}/nightly-backup`,
    };
    const bucket = bucketRef('prodBackups');
    const puts = Math.max(1, count - 2 - issued.events.length);
    for (let i = 0; i < puts; i++) {
      t += g.rng.range(20, 70) * 1000;
      g.emit(
        s3Event(g.rng, {
          time: t,
          caller: session,
          bucket,
          name: 'PutObject',
          key: objectKey(g.rng, bucket.name, t),
          bytesIn: objectBytes(g.rng, bucket.name),
          response: { 'x-amz-server-side-encryption': 'AES256' },
          readOnly: false,
        }),
      );
    }
  }
}

/** A monitoring SaaS polling prod every hour through an external-id role. */
export class VendorActor implements Actor {
  readonly id = 'vendor:observa';
  static readonly sessionName = 'observa-integration';
  static readonly ip = hostIp(NETWORKS.awsUsEast1b, 188);
  static readonly principalId = 'AIDAU7JX3MQ2ZTW6HBNRE';

  weight(): number {
    return 1;
  }

  run(g: GenContext, hour: number, count: number): void {
    const role = roleOf(g.org, 'prod', 'monitoring-vendor-readonly');
    const vendor: Caller = {
      identity: iamUserIdentity({
        accountId: VENDOR_ACCOUNT_ID,
        userName: 'observa-collector',
        principalId: VendorActor.principalId,
        arn: `arn:aws:iam::${VENDOR_ACCOUNT_ID}:user/observa-collector`,
        accessKeyId: 'AKIAU7JX3MQ2ZP5RKD4N',
        keyCreated: '',
      }),
      accountId: VENDOR_ACCOUNT_ID,
      arn: `arn:aws:iam::${VENDOR_ACCOUNT_ID}:user/observa-collector`,
      ip: VendorActor.ip,
      userAgent: 'aws-sdk-go/1.55.5 (go1.22.5; linux; amd64) observa-crawler/7.1',
      style: 'sdk',
    };
    let t = hour + g.rng.range(120, 600) * 1000;
    const issued = assumeRole(g.rng, {
      time: t,
      caller: vendor,
      role,
      sessionName: VendorActor.sessionName,
      externalId: 'observa-7f3c2a91',
      callerPrincipalId: VendorActor.principalId,
    });
    // Only the prod copy exists: the vendor's own account is not in our trail.
    for (const ev of issued.events) if (ev.account === ACCOUNTS.prod.id) g.emit(ev);
    const caller: Caller = {
      ...vendor,
      identity: assumedRoleIdentity(role, VendorActor.sessionName, issued.accessKeyId, issued.creationDate),
      accountId: role.accountId,
      arn: `arn:aws:sts::${role.accountId}:assumed-role/${role.name}/${VendorActor.sessionName}`,
    };
    for (let i = 1; i < count; i++) {
      t += g.rng.range(1, 4) * 1000;
      g.emit(
        perform(g, caller, g.rng.weighted(VENDOR_OPS), g.rng.chance(0.7) ? 'us-east-1' : 'eu-west-1', t),
      );
    }
  }
}
