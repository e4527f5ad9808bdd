// Automation that reads everything: a daily posture scan from the security
// account, and AWS services acting through service-linked roles (Config, Auto
// Scaling, Access Analyzer).

import { type Actor, dailyHash, diurnal, type GenContext, uniformTimes } from './actor';
import { perform } from './dispatch';
import { hostIp, NETWORKS } from './geo';
import { assumedRoleIdentity, awsServiceIdentity } from './identity';
import { ACCOUNT_LIST, type AccountKind, REGIONS_SCANNED, roleOf } from './org';
import { type OpMix, SCANNER_GLOBAL_OPS, SCANNER_OPS } from './profiles';
import type { Caller } from './record';
import { hostSession, sessionCaller } from './sessions';
import { assumeRole } from './sts';
import { HOUR, localHourAndDay } from './time';

const SCANNER_UA =
  'Boto3/1.35.36 md/Botocore#1.35.36 ua/2.0 os/linux#5.10.226-214.880.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.7 md/pyimpl#CPython exec-env/AWS_ECS_FARGATE cfg/retry-mode#adaptive Botocore/1.35.36 prowler/4.5.1';

/** A daily posture scan of every account and region at 03:00 UTC. */
export class ScannerActor implements Actor {
  readonly id = 'security:cspm-scanner';
  static readonly ip = hostIp(NETWORKS.awsUsEast1, 150);

  weight(hour: number): number {
    return new Date(hour).getUTCHours() === 3 ? 1 : 0;
  }

  run(g: GenContext, hour: number, count: number): void {
    const t0 = hour + g.rng.range(60, 300) * 1000;
    const [host, hostIssued] = hostSession(
      g,
      'security',
      'cspm-scanner-task',
      'ecs-tasks.amazonaws.com',
      g.rng.hex(32),
      t0,
      ScannerActor.ip,
      SCANNER_UA,
    );
    for (const ev of hostIssued.events) g.emit(ev);
    let emitted = hostIssued.events.length;
    const perAccount = Math.max(6, Math.floor(count / ACCOUNT_LIST.length));
    let at = t0;
    for (const account of ACCOUNT_LIST) {
      const role = roleOf(g.org, account.kind, 'security-audit');
      at += 2000;
      const issued = assumeRole(g.rng, {
        time: at,
        caller: host,
        role,
        sessionName: 'prowler-scan',
        callerPrincipalId: String(host.identity.principalId),
      });
      for (const ev of issued.events) g.emit(ev);
      const caller = sessionCaller(
        host,
        role,
        'prowler-scan',
        assumedRoleIdentity(role, 'prowler-scan', issued.accessKeyId, issued.creationDate),
      );
      for (let i = issued.events.length; i < perAccount && emitted < count; i++) {
        at += g.rng.range(150, 900);
        const global = g.rng.chance(0.3);
        const op = g.rng.weighted(global ? SCANNER_GLOBAL_OPS : SCANNER_OPS);
        const region = global ? 'us-east-1' : g.rng.pick(REGIONS_SCANNED);
        const noPolicy = op === 'iam:GetAccountPasswordPolicy';
        g.emit(
          perform(g, caller, op, region, at, {
            throttle: g.rng.chance(0.02),
            error: noPolicy
              ? {
                  code: 'NoSuchEntityException',
                  message: `The Password Policy with domain name ${account.id} cannot be found.`,
                }
              : undefined,
          }),
        );
        emitted++;
      }
      emitted += issued.events.length;
    }
  }
}

/** An AWS service acting through its service-linked role in one account. */
export class ServiceRoleActor implements Actor {
  readonly id: string;
  private session: { caller: Caller; expires: number } | null = null;

  constructor(
    private readonly kind: AccountKind,
    private readonly roleName: string,
    private readonly service: string,
    private readonly sessionName: string,
    private readonly ops: OpMix,
    private readonly regions: string[],
    private readonly seed: number,
  ) {
    this.id = `service:${kind}:${service}`;
  }

  weight(hour: number): number {
    // Auto Scaling only acts on some days, around traffic changes.
    if (this.service.startsWith('autoscaling')) {
      const local = localHourAndDay('America/New_York', hour).hour;
      const active = dailyHash('asg', Math.floor(hour / 86_400_000), this.seed) < 0.6;
      return active && (local === 8 || local === 21) ? 1 : 0;
    }
    return diurnal(hour, 0.2);
  }

  run(g: GenContext, hour: number, count: number): void {
    const role = roleOf(g.org, this.kind, this.roleName);
    let emitted = 0;
    for (const t of uniformTimes(g.rng, hour, count)) {
      if (emitted >= count) break;
      if (!this.session || this.session.expires < t) {
        const service: Caller = {
          identity: awsServiceIdentity(this.service),
          accountId: role.accountId,
          arn: this.service,
          ip: this.service,
          userAgent: this.service,
          style: 'service',
        };
        const issued = assumeRole(g.rng, {
          time: t - 1000,
          caller: service,
          role,
          sessionName: this.sessionName,
          viaService: true,
        });
        for (const ev of issued.events) g.emit(ev);
        emitted += issued.events.length;
        const identity = assumedRoleIdentity(
          role,
          this.sessionName,
          issued.accessKeyId,
          issued.creationDate,
          { invokedBy: this.service },
        );
        this.session = {
          caller: sessionCaller({ ...service, identity }, role, this.sessionName, identity),
          expires: t + 6 * HOUR,
        };
      }
      g.emit(perform(g, this.session.caller, g.rng.weighted(this.ops), g.rng.pick(this.regions), t));
      emitted++;
    }
  }
}
