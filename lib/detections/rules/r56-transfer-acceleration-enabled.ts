import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { requestOf, succeeded, targetName, textAt } from '../helpers/record';

// The CloudTrail name is inferred from the API name; the IAM action spelling is accepted too.
const NAMES = new Set(['PutBucketAccelerateConfiguration', 'PutAccelerateConfiguration']);

export const transferAccelerationEnabled = defineRule({
  id: 'R56',
  slug: 'transfer-acceleration-enabled',
  title: 'S3 Transfer Acceleration enabled',
  severity: 'medium',
  tactic: TACTICS.exfiltration,
  technique: TECHNIQUES.transferToCloudAccount,
  description:
    'Transfer Acceleration speeds up large transfers from anywhere, including an attacker’s bulk exfiltration.',
  triage: ['Check whether any workload needs acceleration.', 'Look for large downloads (R50).'],
  falsePositives: ['Media or upload-heavy workloads.'],
  references: ['Article (transfer acceleration)'],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) =>
    event.eventSource === 's3.amazonaws.com' &&
    NAMES.has(event.eventName ?? '') &&
    succeeded(event) &&
    textAt(requestOf(event), 'AccelerateConfiguration', 'Status') === 'Enabled',
  summarize: (event) => `Transfer Acceleration enabled on ${targetName(event, 'bucketName')}`,
});
