import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule, HOUR_MS } from '../define-rule';
import { succeeded } from '../helpers/record';

const NAMES = new Set(['DeleteObject', 'DeleteObjects']);

export const s3MassDelete = defineRule({
  id: 'R59a',
  slug: 's3-mass-delete',
  title: 'Mass deletion of S3 objects',
  severity: 'high',
  tactic: TACTICS.impact,
  technique: TECHNIQUES.dataDestruction,
  description:
    'At least 50 object deletions by one principal in an hour (S3 data events). DeleteObjects does not log key names, so each call counts once.',
  triage: ['Check versioning: can the objects be restored?', 'Stop the principal.'],
  falsePositives: ['Retention jobs (usually lifecycle rules, not API calls).'],
  references: ['Panther AWS.S3.DeleteObject (50/h); Stratus aws.impact.s3-ransomware-*'],
  kind: 'threshold',
  configSchema: z.object({ deletes: z.number().int().min(1), windowMinutes: z.number().positive() }),
  defaultConfig: { deletes: 50, windowMinutes: 60 },
  filter: (event) =>
    event.eventSource === 's3.amazonaws.com' && NAMES.has(event.eventName ?? '') && succeeded(event),
  groupBy: (event) => event.principalKey,
  windowMs: (config) => (config.windowMinutes * HOUR_MS) / 60,
  measure: { type: 'count' },
  threshold: (config) => config.deletes,
  summarize: (window) => `${window.value} S3 delete calls by ${window.groupKey}`,
});
