// The benign background: who acts, and what share of the trail each actor
// owns. Shares are fixed, so a 10k-event demo and a 10M-event demo have the
// same mix and every principal keeps its baseline at any size.

import type { Actor, GenContext } from './actor';
import { GitHubActionsActor, TerraformActor } from './actors-automation';
import { type FixedActor, ManagementRootActor, ServiceEventActor } from './actors-misc';
import { IamHumanActor } from './actors-people';
import { ScannerActor, ServiceRoleActor } from './actors-services';
import { SsoHumanActor } from './actors-sso';
import { AppRoleActor, type AppRoleSpec, BackupJobActor, VendorActor } from './actors-workloads';
import { hostIp, NETWORKS } from './geo';
import { type AccountKind, type DemoOrg, REGIONS_SCANNED } from './org';
import { Prng } from './prng';
import { CONFIG_OPS, type OpMix } from './profiles';
import type { DemoEvent } from './record';
import { DAY, HOUR } from './time';

interface Scaled {
  actor: Actor;
  share: number;
  total: number;
  /** Records owed minus records written so far; sign-ins and session starts make actors overshoot. */
  debt: number;
}

export interface BenignPlan {
  scaled: Scaled[];
  fixed: FixedActor[];
}

const JAVA_UA =
  'aws-sdk-java/2.28.16 Linux/6.1.109-118.189.amzn2023.x86_64 OpenJDK_64-Bit_Server_VM/21.0.4+7-LTS Java/21.0.4 vendor/Amazon.com_Inc. md/internal exec-env/AWS_ECS_EC2 io/sync http/Apache cfg/retry-mode/standard';
const NODE_UA =
  'aws-sdk-js/3.679.0 ua/2.1 os/linux#5.10.226-214.879.amzn2.x86_64 lang/js md/nodejs#20.18.0 api/secrets-manager#3.679.0';
const LAMBDA_UA =
  'aws-sdk-js/3.679.0 ua/2.1 os/linux#5.10.227-239.884.amzn2.x86_64 lang/js md/nodejs#20.18.0 exec-env/AWS_Lambda_nodejs20.x api/s3#3.679.0';
const SSM_AGENT_UA = 'aws-sdk-go/1.55.5 (go1.22.7; linux; arm64) amazon-ssm-agent/3.3.1142.0';

function appRoles(org: DemoOrg, rng: Prng): [AppRoleSpec, string[], number][] {
  const prodNat = [hostIp(NETWORKS.awsUsEast1, 41), hostIp(NETWORKS.awsUsEast1, 97)];
  const devNat = [hostIp(NETWORKS.awsUsWest2, 12)];
  const lambdaIps = [3, 59, 121, 177, 230].map((h) => hostIp(NETWORKS.awsUsEast1b, h));
  const tasks = (n: number) => Array.from({ length: n }, () => rng.hex(32));
  const ec2Ops: OpMix = [
    ['get:prodAssets', 30],
    ['put:prodUploads', 6],
    ['get:prodUploads', 6],
    ['kms:Decrypt', 8],
    ['ssm:UpdateInstanceInformation', 14],
    ['ssm:ListInstanceAssociations', 4],
    ['ssm:GetParameters', 8],
    ['secretsmanager:GetSecretValue', 3],
    ['ecr:BatchGetImage', 2],
    ['sts:GetCallerIdentity', 1],
  ];
  const spec = (
    id: string,
    kind: 'prod' | 'dev',
    roleName: string,
    principal: AppRoleSpec['principal'],
    userAgent: string,
    ops: OpMix,
    egress: string[],
    credentialHours: number,
  ): AppRoleSpec => ({
    id,
    kind,
    roleName,
    principal,
    region: kind === 'prod' ? 'us-east-1' : 'us-west-2',
    userAgent,
    agentUserAgent: SSM_AGENT_UA,
    ops,
    egress,
    credentialHours,
    vpceShare: 0.6,
    officeHoursOnly: kind === 'dev',
  });
  return [
    [
      spec(
        'app:prod:storefront',
        'prod',
        'storefront-web-ec2',
        'ec2.amazonaws.com',
        JAVA_UA,
        ec2Ops,
        prodNat,
        6,
      ),
      org.instances.prod,
      20,
    ],
    [
      spec(
        'app:prod:payments',
        'prod',
        'payments-api-task',
        'ecs-tasks.amazonaws.com',
        NODE_UA,
        [
          ['secretsmanager:GetSecretValue', 6],
          ['kms:GenerateDataKey', 10],
          ['kms:Decrypt', 10],
          ['put:prodAssets', 4],
          ['ssm:GetParameters', 3],
        ],
        prodNat,
        6,
      ),
      tasks(3),
      10,
    ],
    [
      spec(
        'app:prod:image-resizer',
        'prod',
        'image-resizer-lambda',
        'lambda.amazonaws.com',
        LAMBDA_UA,
        [
          ['get:prodUploads', 10],
          ['put:prodAssets', 10],
          ['logs:CreateLogStream', 2],
        ],
        lambdaIps,
        12,
      ),
      ['image-resizer'],
      8,
    ],
    [
      spec(
        'app:dev:storefront',
        'dev',
        'storefront-web-ec2',
        'ec2.amazonaws.com',
        JAVA_UA,
        [
          ['get:devArtifacts', 10],
          ['kms:Decrypt', 4],
          ['ssm:UpdateInstanceInformation', 12],
          ['ssm:GetParameters', 4],
        ],
        devNat,
        6,
      ),
      org.instances.dev,
      6,
    ],
    [
      spec(
        'app:dev:payments',
        'dev',
        'payments-api-task',
        'ecs-tasks.amazonaws.com',
        NODE_UA,
        [
          ['secretsmanager:GetSecretValue', 4],
          ['kms:GenerateDataKey', 5],
          ['kms:Decrypt', 5],
        ],
        devNat,
        6,
      ),
      tasks(2),
      4,
    ],
  ];
}

const ACTIVE_REGIONS: Record<AccountKind, string[]> = {
  management: ['us-east-1', 'us-west-2'],
  prod: ['us-east-1', 'us-east-1', 'eu-west-1'],
  dev: ['us-west-2', 'us-west-2', 'us-east-1'],
  security: ['us-east-1'],
};

export function createBenignPlan(org: DemoOrg, seed: number, from: number, to: number): BenignPlan {
  const rng = new Prng(seed, 'benign-setup');
  const entries: [Actor, number][] = [];
  const [dana, tom] = org.iamPeople;
  if (dana) entries.push([new IamHumanActor(dana, 0.45, seed, true), 3]);
  if (tom) entries.push([new IamHumanActor(tom, 0.9, seed, false), 0.7]);
  const ssoConsole: Record<string, number> = { 'aisha.khan': 0.6, 'priya.raman': 0.4 };
  for (const p of org.ssoPeople) entries.push([new SsoHumanActor(p, ssoConsole[p.handle] ?? 0.5, seed), 2]);
  const vpce = (kind: string) => `vpce-0${new Prng(seed, `vpce-${kind}`).hex(16)}`;
  for (const [spec, sessions, share] of appRoles(org, rng)) {
    entries.push([new AppRoleActor(spec, sessions, vpce(spec.kind)), share]);
  }
  const configShare: Record<AccountKind, number> = { prod: 2.5, dev: 2, management: 1.2, security: 1.3 };
  for (const kind of Object.keys(configShare) as AccountKind[]) {
    const config = new ServiceRoleActor(
      kind,
      'AWSServiceRoleForConfig',
      'config.amazonaws.com',
      'AWSConfig-Describe',
      CONFIG_OPS,
      ACTIVE_REGIONS[kind],
      seed,
    );
    entries.push([config, configShare[kind]]);
  }
  const analyzerOps: OpMix = [
    ['iam:GetRole', 3],
    ['iam:ListRoles', 1],
    ['s3:config', 2],
    ['kms:DescribeKey', 1],
  ];
  entries.push([
    new ServiceRoleActor(
      'management',
      'AWSServiceRoleForAccessAnalyzer',
      'access-analyzer.amazonaws.com',
      'access-analyzer',
      analyzerOps,
      REGIONS_SCANNED.slice(0, 2),
      seed,
    ),
    1,
  ]);
  const asgOps: OpMix = [
    ['ec2:RunInstances', 2],
    ['ec2:TerminateInstances', 2],
    ['ec2:DescribeInstances', 3],
    ['elasticloadbalancing:DescribeTargetHealth', 2],
  ];
  entries.push([
    new ServiceRoleActor(
      'prod',
      'AWSServiceRoleForAutoScaling',
      'autoscaling.amazonaws.com',
      'AutoScaling',
      asgOps,
      ['us-east-1'],
      seed,
    ),
    0.4,
  ]);
  entries.push([new GitHubActionsActor(), 5]);
  entries.push([new TerraformActor(), 9]);
  entries.push([new ScannerActor(), 5]);
  entries.push([new BackupJobActor(org.svcBackup), 1.5]);
  entries.push([new VendorActor(), 3]);

  const scaled: Scaled[] = [];
  let shareSum = 0;
  for (const [, share] of entries) shareSum += share;
  for (const [actor, share] of entries) {
    let total = 0;
    for (let h = from; h < to; h += HOUR) total += actor.weight(h);
    if (total > 0) scaled.push({ actor, share: share / shareSum, total, debt: 0 });
  }
  const rootDay = from + Math.floor(((to - from) / DAY) * 0.35) * DAY;
  const fixed: FixedActor[] = [new ServiceEventActor(seed), new ManagementRootActor(rootDay)];
  return { scaled, fixed };
}

/** Generates one hour of benign activity, aiming at `target` benign records over the whole range. */
export function runBenignHour(g: GenContext, plan: BenignPlan, hour: number, target: number): void {
  for (const entry of plan.scaled) {
    const w = entry.actor.weight(hour);
    if (w <= 0) continue;
    entry.debt += (target * entry.share * w) / entry.total;
    const count = g.rng.round(Math.max(0, entry.debt));
    if (count <= 0) continue;
    let written = 0;
    const emit = (ev: DemoEvent) => {
      written++;
      g.emit(ev);
    };
    entry.actor.run({ ...g, emit }, hour, count);
    entry.debt -= written;
  }
  for (const actor of plan.fixed) if (actor.weight(hour) > 0) actor.run(g, hour, 0);
}
