// Low-volume actors with fixed schedules: AWS service events (no caller at
// all) and the management account's rare, MFA-protected root sign-in.

import { type Actor, dailyHash, type GenContext } from './actor';
import { perform } from './dispatch';
import { hostIp, NETWORKS } from './geo';
import { rootIdentity, serviceEventIdentity } from './identity';
import { ACCOUNT_LIST, ACCOUNTS } from './org';
import { buildEvent, type Caller } from './record';
import { consoleLogin } from './signin';
import { DAY, HOUR, isoSeconds } from './time';

/** Actors whose volume does not scale with the requested event count. */
export interface FixedActor extends Actor {
  fixed: true;
}

export class ServiceEventActor implements FixedActor {
  readonly id = 'aws:service-events';
  readonly fixed = true;
  constructor(private readonly seed: number) {}

  weight(hour: number): number {
    return new Date(hour).getUTCHours() === 6 ? 1 : 0;
  }

  run(g: GenContext, hour: number): void {
    const prod = ACCOUNTS.prod.id;
    const start = hour - 40 * 60_000 + g.rng.int(600) * 1000;
    const done = hour + g.rng.range(5, 25) * 60_000;
    const service = 'backup.amazonaws.com';
    g.emit(
      buildEvent(g.rng, {
        time: done,
        caller: {
          identity: serviceEventIdentity(prod, service),
          accountId: prod,
          arn: service,
          ip: service,
          userAgent: service,
          style: 'service',
        },
        service: 'backup',
        name: 'BackupJobCompleted',
        region: 'us-east-1',
        readOnly: false,
        eventType: 'AwsServiceEvent',
        requestID: null,
        serviceEventDetails: {
          backupJobId: g.rng.uuid().toUpperCase(),
          backupVaultName: 'acme-prod-vault',
          backupVaultArn: `arn:aws:backup:us-east-1:${prod}:backup-vault:acme-prod-vault`,
          recoveryPointArn: `arn:aws:rds:us-east-1:${prod}:snapshot:awsbackup:job-${g.rng.uuid()}`,
          resourceArn: `arn:aws:rds:us-east-1:${prod}:db:payments-prod`,
          creationDate: isoSeconds(start),
          completionDate: isoSeconds(done),
          state: 'COMPLETED',
          percentDone: 100.0,
          backupSizeInBytes: g.rng.range(80_000_000_000, 95_000_000_000),
          iamRoleArn: `arn:aws:iam::${prod}:role/service-role/AWSBackupDefaultServiceRole`,
          resourceType: 'RDS',
        },
      }),
    );
    for (const account of ACCOUNT_LIST) {
      if (dailyHash(`rotate/${account.id}`, Math.floor(hour / DAY), this.seed) > 0.04) continue;
      const kms = 'kms.amazonaws.com';
      const keyArn = `arn:aws:kms:us-east-1:${account.id}:key/${g.org.kmsKeys[account.kind]}`;
      g.emit(
        buildEvent(g.rng, {
          time: hour + g.rng.int(3600) * 1000,
          caller: {
            identity: serviceEventIdentity(account.id, kms),
            accountId: account.id,
            arn: kms,
            ip: kms,
            userAgent: kms,
            style: 'service',
          },
          service: 'kms',
          name: 'RotateKey',
          region: 'us-east-1',
          readOnly: false,
          eventType: 'AwsServiceEvent',
          requestID: null,
          resources: [{ accountId: account.id, type: 'AWS::KMS::Key', ARN: keyArn }],
          serviceEventDetails: { keyId: g.org.kmsKeys[account.kind] },
        }),
      );
    }
  }
}

/** Finance signs in as the management root once a month to manage billing, with MFA. */
export class ManagementRootActor implements FixedActor {
  readonly id = 'root:management';
  readonly fixed = true;
  static readonly ip = hostIp(NETWORKS.chicago, 77);
  private readonly at: number;

  constructor(rootDay: number) {
    // 15:20 Chicago is 20:20 or 21:20 UTC; pick the UTC hour that is safe in both seasons.
    this.at = rootDay + 20 * HOUR + 20 * 60_000;
  }

  weight(hour: number): number {
    return hour <= this.at && this.at < hour + HOUR ? 1 : 0;
  }

  run(g: GenContext): void {
    const acct = ACCOUNTS.management.id;
    const ua =
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0';
    g.emit(
      consoleLogin(g.rng, {
        time: this.at,
        identity: rootIdentity(acct, ''),
        accountId: acct,
        arn: `arn:aws:iam::${acct}:root`,
        ip: ManagementRootActor.ip,
        userAgent: ua,
        mfa: true,
        mfaSerial: `arn:aws:iam::${acct}:mfa/root-account-mfa-device`,
      }),
    );
    const caller: Caller = {
      identity: rootIdentity(acct, g.rng.awsId('ASIA'), isoSeconds(this.at), true),
      accountId: acct,
      arn: `arn:aws:iam::${acct}:root`,
      ip: ManagementRootActor.ip,
      userAgent: ua,
      style: 'console',
    };
    const ops = [
      'ce:GetCostAndUsage',
      'organizations:DescribeOrganization',
      'ce:GetCostForecast',
      'iam:GetAccountSummary',
    ];
    ops.forEach((op, i) => {
      g.emit(perform(g, caller, op, 'us-east-1', this.at + (i + 1) * 21_000));
    });
  }
}
