import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { DAY_MS, defineRule } from '../define-rule';
import { requestOf, textAt } from '../helpers/record';

const NAMES = new Set(['GetObject', 'ListObjects', 'ListObjectsV2', 'CopyObject', 'PutObject']);

export const sensitiveBucketNewPrincipal = defineRule({
  id: 'R51',
  slug: 'sensitive-bucket-new-principal',
  title: 'Sensitive bucket accessed by a new principal',
  severity: 'medium',
  tactic: TACTICS.collection,
  technique: TECHNIQUES.dataFromCloudStorage,
  description:
    'A principal touched a bucket whose name marks it as sensitive (backup, secret, prod, finance, logs...) for the first time in the baseline window.',
  triage: ['Confirm the principal’s need for this bucket.', 'Check the volume read (R50).'],
  falsePositives: ['New consumers of a shared bucket.'],
  references: [
    'Article (backup/sensitive buckets); Elastic collection_s3_unauthenticated_bucket_access_by_rare_source',
  ],
  kind: 'firstSeen',
  feature: 'bucket',
  scope: 'principal',
  configSchema: z.object({ bucketPattern: z.string(), baselineDays: z.number().positive() }),
  defaultConfig: {
    bucketPattern: 'backup|bak|snapshot|secret|prod|finance|hr|cloudtrail|logs',
    baselineDays: 30,
  },
  filter: (event, config) =>
    event.eventSource === 's3.amazonaws.com' &&
    NAMES.has(event.eventName ?? '') &&
    event.principalType !== 'AWSService' &&
    new RegExp(config.bucketPattern, 'i').test(textAt(requestOf(event), 'bucketName') ?? ''),
  value: (event) => textAt(requestOf(event), 'bucketName'),
  baselineMs: (config) => config.baselineDays * DAY_MS,
  summarize: (event, [bucket]) =>
    `${event.principalName} accessed sensitive bucket ${bucket} for the first time`,
});
