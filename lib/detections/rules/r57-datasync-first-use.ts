import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { DAY_MS, defineRule } from '../define-rule';
import { isCall, succeeded } from '../helpers/record';

// DataSync operation names follow the API (inferred in the anchor).
const NAMES = new Set([
  'CreateLocationS3',
  'CreateLocationNfs',
  'CreateLocationSmb',
  'CreateLocationObjectStorage',
  'CreateLocationAzureBlob',
  'CreateTask',
  'StartTaskExecution',
]);
const OFF_AWS = new Set([
  'CreateLocationNfs',
  'CreateLocationSmb',
  'CreateLocationObjectStorage',
  'CreateLocationAzureBlob',
]);

export const datasyncFirstUse = defineRule({
  id: 'R57',
  slug: 'datasync-first-use',
  title: 'DataSync used by a principal for the first time',
  severity: 'high',
  tactic: TACTICS.exfiltration,
  technique: TECHNIQUES.transferToCloudAccount,
  description:
    'A principal that has not used DataSync in the baseline window created a location or task or started a transfer. Non-S3 locations point off AWS.',
  triage: ['Read the location’s hostname or bucket.', 'Stop the task if the destination is unknown.'],
  falsePositives: ['Planned migrations.'],
  references: ['Article (DataSync exfiltration)'],
  kind: 'firstSeen',
  feature: 'service',
  scope: 'principal',
  configSchema: z.object({ baselineDays: z.number().positive() }),
  defaultConfig: { baselineDays: 30 },
  filter: (event) => isCall(event, 'datasync', NAMES) && succeeded(event),
  value: () => 'datasync',
  baselineMs: (config) => config.baselineDays * DAY_MS,
  summarize: (event) =>
    `${event.principalName} started using DataSync (${event.eventName}${OFF_AWS.has(event.eventName ?? '') ? ', location outside AWS' : ''})`,
});
