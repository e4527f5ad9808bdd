import { z } from 'zod';
import type { NormalizedEvent } from '@/lib/cloudtrail/types';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { at, listOf, numberAt, requestOf, succeeded, targetName, textAt } from '../helpers/record';
import type { Assessment } from '../types';

type Config = { minimumExpirationDays: number; knownAccountIds: string[] };

// CloudTrail names, not API or IAM action names: PutBucketLifecycle (API
// PutBucketLifecycleConfiguration), PutBucketEncryption, PutBucketVersioning, PutBucketLogging.
function tampering(event: NormalizedEvent, config: Config): Assessment | null {
  const request = requestOf(event);
  switch (event.eventName) {
    case 'PutBucketVersioning': {
      const status = textAt(request, 'VersioningConfiguration', 'Status');
      const mfaDelete = textAt(request, 'VersioningConfiguration', 'MfaDelete');
      if (status === 'Suspended') return { severity: 'high', summary: 'versioning suspended' };
      return mfaDelete === 'Disabled' ? { summary: 'MFA delete disabled' } : null;
    }
    case 'PutBucketLifecycle': {
      const days = listOf(at(request, 'LifecycleConfiguration', 'Rule'))
        .filter((rule) => textAt(rule, 'Status') !== 'Disabled')
        .map((rule) => numberAt(rule, 'Expiration', 'Days'))
        .filter((value): value is number => value !== null);
      const shortest = Math.min(...days);
      return shortest < config.minimumExpirationDays
        ? { severity: 'high', summary: `objects expire after ${shortest} day(s)` }
        : null;
    }
    case 'PutBucketLogging':
      return at(request, 'BucketLoggingStatus', 'LoggingEnabled') === undefined
        ? { severity: 'high', summary: 'server access logging disabled' }
        : null;
    case 'DeleteBucketEncryption':
      return { summary: 'default encryption removed' };
    case 'DeleteBucketPolicy':
      return { severity: 'low', summary: 'bucket policy deleted' };
    case 'PutBucketEncryption': {
      const key = JSON.stringify(request?.ServerSideEncryptionConfiguration ?? '');
      const account = /arn:aws[\w-]*:kms:[\w-]+:(\d{12}):/.exec(key)?.[1];
      const own = [event.recipientAccountId, ...config.knownAccountIds];
      return account && !own.includes(account)
        ? { severity: 'high', summary: `encryption switched to a KMS key of account ${account}` }
        : null;
    }
    default:
      return null;
  }
}

export const s3DataProtectionTampering = defineRule({
  id: 'R58',
  slug: 's3-data-protection-tampering',
  title: 'S3 data protection weakened',
  severity: 'medium',
  tactic: TACTICS.defenseEvasion,
  technique: TECHNIQUES.inhibitRecovery,
  description:
    'Versioning suspended or MFA delete disabled, a short expiration lifecycle (log wiping), access logging disabled, encryption removed or moved to a foreign KMS key.',
  triage: ['Restore the setting.', 'Check for deletes or re-encryption that followed (R59).'],
  falsePositives: ['Cost clean-ups of scratch buckets.'],
  references: [
    'Elastic impact_s3_object_versioning_disabled, defense_evasion_s3_bucket_lifecycle_expiration_added',
    'Panther AWS.CloudTrail.ShortLifecycle; Stratus aws.defense-evasion.cloudtrail-lifecycle-rule',
  ],
  kind: 'single',
  configSchema: z.object({
    minimumExpirationDays: z.number().int().positive(),
    knownAccountIds: z.array(z.string()),
  }),
  defaultConfig: { minimumExpirationDays: 7, knownAccountIds: [] },
  match: (event, config) => {
    if (event.eventSource !== 's3.amazonaws.com' || !succeeded(event)) return false;
    const found = tampering(event, config);
    return found ? { ...found, summary: `${targetName(event, 'bucketName')}: ${found.summary}` } : false;
  },
  dedupParts: (event) => [targetName(event, 'bucketName'), event.eventName ?? ''],
  summarize: (event) => `${event.eventName} on ${targetName(event, 'bucketName')}`,
});
