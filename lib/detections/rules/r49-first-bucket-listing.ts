import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { DAY_MS, defineRule } from '../define-rule';

export const firstBucketListing = defineRule({
  id: 'R49',
  slug: 'first-bucket-listing',
  title: 'First bucket listing by a principal',
  severity: 'low',
  tactic: TACTICS.discovery,
  technique: TECHNIQUES.cloudStorageDiscovery,
  description:
    'ListBuckets by a principal with no ListBuckets in the baseline window. Stolen credentials usually start with "aws s3 ls". Medium when the caller is an IAM user or root, which Sigma flags on its own.',
  triage: ['Check the caller’s source and user agent.', 'Look for object reads that follow (R50, R51).'],
  falsePositives: ['New tooling; console users browsing S3.'],
  references: ['Sigma aws_enum_buckets; TrailDiscover s3:ListBuckets; OTRF cloud_breach_s3'],
  kind: 'firstSeen',
  feature: 'api',
  scope: 'principal',
  configSchema: z.object({ baselineDays: z.number().positive() }),
  defaultConfig: { baselineDays: 30 },
  filter: (event) =>
    event.eventSource === 's3.amazonaws.com' &&
    event.eventName === 'ListBuckets' &&
    event.principalType !== 'AWSService',
  value: () => 'ListBuckets',
  baselineMs: (config) => config.baselineDays * DAY_MS,
  assess: (event) =>
    event.principalType === 'IAMUser' || event.principalType === 'Root' ? { severity: 'medium' } : true,
  summarize: (event) => `${event.principalName} listed all buckets for the first time`,
});
