import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule, HOUR_MS } from '../define-rule';
import { requestOf, succeeded, textAt } from '../helpers/record';

const NAMES = new Set(['CopyObject', 'PutObject']);

export const s3SseCEncryptionBurst = defineRule({
  id: 'R59b',
  slug: 's3-sse-c-encryption-burst',
  title: 'Objects re-encrypted with customer-provided keys',
  severity: 'high',
  tactic: TACTICS.impact,
  technique: TECHNIQUES.dataEncryptedForImpact,
  description:
    'Many CopyObject/PutObject calls with SSE-C (x-amz-server-side-encryption-customer-algorithm): encrypting objects with a key only the attacker holds.',
  triage: ['Stop the principal.', 'Check whether previous versions still exist.'],
  falsePositives: ['Applications that use SSE-C by design (rare).'],
  references: [
    'Elastic impact_s3_excessive_object_encryption_with_sse_c (20); Panther AWS.S3.CopyObjectWithClientSideEncryption',
  ],
  kind: 'threshold',
  configSchema: z.object({ objects: z.number().int().min(1), windowMinutes: z.number().positive() }),
  defaultConfig: { objects: 20, windowMinutes: 60 },
  filter: (event) =>
    event.eventSource === 's3.amazonaws.com' &&
    NAMES.has(event.eventName ?? '') &&
    succeeded(event) &&
    textAt(requestOf(event), 'x-amz-server-side-encryption-customer-algorithm') !== null,
  groupBy: (event) => event.principalKey,
  windowMs: (config) => (config.windowMinutes * HOUR_MS) / 60,
  measure: { type: 'count' },
  threshold: (config) => config.objects,
  summarize: (window) => `${window.value} objects written with SSE-C by ${window.groupKey}`,
});
