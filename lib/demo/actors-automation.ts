// CI/CD: GitHub Actions deploys through OIDC, and Terraform plans and applies
// through Atlantis, which hops from its EC2 role into each account.

import { type Actor, type GenContext, uniformTimes, workdayWeight } from './actor';
import { bucketRef, objectBytes, perform } from './dispatch';
import { hostIp, NETWORKS } from './geo';
import { assumedRoleIdentity } from './identity';
import { ACCOUNT_LIST, type AccountKind, roleOf } from './org';
import { TERRAFORM_READS, TERRAFORM_WRITES } from './profiles';
import type { Caller } from './record';
import { objectKey, s3Event } from './s3';
import { hostSession, sessionCaller } from './sessions';
import { assumeRole, assumeRoleWithWebIdentity } from './sts';
import { HOUR } from './time';

const REPOS = [
  'repo:acme/storefront:ref:refs/heads/main',
  'repo:acme/payments-api:environment:production',
  'repo:acme/image-resizer:ref:refs/heads/main',
  'repo:acme/storefront:pull_request',
];

function ciUserAgent(command: string): string {
  return `aws-cli/2.18.5 md/awscrt#0.22.0 ua/2.0 os/linux#6.5.0-1025-azure md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.22 md/prompt#off md/command#${command}`;
}

const TEAM_ZONES: [string, number][] = [
  ['America/Denver', 8],
  ['Europe/Berlin', 8],
  ['Asia/Kolkata', 10],
  ['America/Toronto', 8],
  ['America/Sao_Paulo', 9],
];

function teamWeight(hour: number): number {
  let w = 0;
  for (const [zone, start] of TEAM_ZONES) w += workdayWeight(zone, start, hour);
  return w / TEAM_ZONES.length;
}

export class GitHubActionsActor implements Actor {
  readonly id = 'ci:github-actions';

  weight(hour: number): number {
    return teamWeight(hour);
  }

  run(g: GenContext, hour: number, count: number): void {
    let runs = Math.max(1, Math.round(count / 14));
    let emitted = 0;
    for (const start of uniformTimes(g.rng, hour, runs)) {
      const left = count - emitted;
      if (left <= 0) break;
      emitted += this.workflow(g, start, Math.max(2, Math.round(left / Math.max(1, runs--))));
    }
  }

  private workflow(g: GenContext, t: number, size: number): number {
    const kind: AccountKind = g.rng.chance(0.3) ? 'prod' : 'dev';
    const region = kind === 'prod' ? 'us-east-1' : 'us-west-2';
    const role = roleOf(g.org, kind, 'github-actions-deploy');
    const net = g.rng.pick([NETWORKS.azureVirginia, NETWORKS.azureTexas, NETWORKS.azureCalifornia]);
    const ip = hostIp(net, g.rng.int(254));
    const issued = assumeRoleWithWebIdentity(g.rng, t, role, g.rng.pick(REPOS), ip);
    for (const ev of issued.events) g.emit(ev);
    const identity = assumedRoleIdentity(role, 'GitHubActions', issued.accessKeyId, issued.creationDate, {
      webIdentityProvider: `arn:aws:iam::${role.accountId}:oidc-provider/token.actions.githubusercontent.com`,
    });
    const base: Caller = { identity, accountId: role.accountId, arn: '', ip, userAgent: '', style: 'sdk' };
    const caller = sessionCaller(base, role, 'GitHubActions', identity);
    const lambda = g.rng.chance(0.3);
    const steps = lambda
      ? [
          'sts:GetCallerIdentity',
          'lambda:UpdateFunctionCode20150331v2',
          'lambda:GetFunctionConfiguration20150331v2',
        ]
      : ['sts:GetCallerIdentity', 'ecr:GetAuthorizationToken', 'ecr:PutImage', 'ecs:UpdateService'];
    const poll = lambda ? 'lambda:GetFunctionConfiguration20150331v2' : 'ecs:DescribeServices';
    let emitted = issued.events.length;
    let at = t;
    for (let i = 0; emitted < size; i++) {
      const op = steps[i] ?? poll;
      at += g.rng.range(3, 25) * 1000;
      const c = {
        ...caller,
        userAgent: ciUserAgent(
          op
            .split(':')[1]
            ?.replace(/\d{8}(v\d)?$/, '')
            .toLowerCase() ?? 'x',
        ),
      };
      if (i === 1 && kind === 'dev' && g.rng.chance(0.4)) {
        const bucket = bucketRef('devArtifacts');
        g.emit(
          s3Event(g.rng, {
            time: at,
            caller: c,
            bucket,
            name: 'PutObject',
            key: objectKey(g.rng, bucket.name, at),
            bytesIn: objectBytes(g.rng, bucket.name),
            readOnly: false,
          }),
        );
      } else {
        g.emit(perform(g, c, op, region, at));
      }
      emitted++;
    }
    return emitted;
  }
}

const TF_UA =
  'APN/1.0 HashiCorp/1.0 Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-aws/5.72.1 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.32.2 ua/2.1 os/linux lang/go#1.23.2 md/GOOS#linux md/GOARCH#amd64';

export class TerraformActor implements Actor {
  readonly id = 'ci:terraform-atlantis';
  private host: { caller: Caller; expires: number } | null = null;
  static readonly ip = hostIp(NETWORKS.awsUsEast1b, 23);

  weight(hour: number): number {
    return (workdayWeight('America/Denver', 8, hour) + workdayWeight('America/Toronto', 8, hour)) * 0.5;
  }

  run(g: GenContext, hour: number, count: number): void {
    let runs = Math.max(1, Math.round(count / 60));
    let emitted = 0;
    for (const start of uniformTimes(g.rng, hour, runs)) {
      if (emitted >= count) break;
      emitted += this.plan(g, start, Math.max(8, Math.round((count - emitted) / runs--)));
    }
  }

  private plan(g: GenContext, t: number, size: number): number {
    let emitted = 0;
    if (!this.host || this.host.expires < t) {
      const [caller, issued] = hostSession(
        g,
        'management',
        'atlantis-runner',
        'ec2.amazonaws.com',
        g.org.instances.atlantis,
        t - 3000,
        TerraformActor.ip,
        TF_UA,
      );
      for (const ev of issued.events) g.emit(ev);
      emitted += issued.events.length;
      this.host = { caller, expires: t + 6 * HOUR };
    }
    const host = this.host.caller;
    const state = bucketRef('tfState');
    g.emit(
      s3Event(g.rng, {
        time: t,
        caller: host,
        bucket: state,
        name: 'GetObject',
        key: objectKey(g.rng, state.name, t),
        bytesOut: g.rng.range(20_000, 900_000),
        readOnly: true,
      }),
    );
    const target = g.rng.weighted(
      ACCOUNT_LIST.map((a) => [a, a.kind === 'prod' ? 3 : a.kind === 'dev' ? 4 : 1] as const),
    );
    const role = roleOf(g.org, target.kind, 'terraform-deployer');
    const sessionName = `atlantis-${g.rng.hex(8)}`;
    // Atlantis passes the PR author as sourceIdentity, so it survives the role hop.
    const sourceIdentity = g.rng.pick(['dana', 'emma.tremblay', 'jordan.lee']);
    const issued = assumeRole(g.rng, {
      time: t + 1500,
      caller: host,
      role,
      sessionName,
      sourceIdentity,
      callerPrincipalId: String(host.identity.principalId),
    });
    for (const ev of issued.events) g.emit(ev);
    const identity = assumedRoleIdentity(role, sessionName, issued.accessKeyId, issued.creationDate, {
      sourceIdentity,
    });
    const caller = sessionCaller(host, role, sessionName, identity);
    emitted += 1 + issued.events.length;
    const apply = g.rng.chance(0.25);
    let at = t + 3000;
    const region = target.kind === 'dev' ? 'us-west-2' : 'us-east-1';
    while (emitted < size) {
      at += g.rng.range(0, 2) * 1000;
      const write = apply && g.rng.chance(0.05);
      const op = g.rng.weighted(write ? TERRAFORM_WRITES : TERRAFORM_READS);
      g.emit(perform(g, caller, op, region, at, { throttle: g.rng.chance(0.012) }));
      emitted++;
    }
    if (apply) {
      g.emit(
        s3Event(g.rng, {
          time: at + 2000,
          caller: host,
          bucket: state,
          name: 'PutObject',
          key: objectKey(g.rng, state.name, at),
          bytesIn: g.rng.range(20_000, 900_000),
          readOnly: false,
        }),
      );
      emitted++;
    }
    return emitted;
  }
}
