import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { requestOf, succeeded, textAt } from '../helpers/record';

export const ransomNoteUploaded = defineRule({
  id: 'R59c',
  slug: 'ransom-note-uploaded',
  title: 'Possible ransom note uploaded to S3',
  severity: 'high',
  tactic: TACTICS.impact,
  technique: TECHNIQUES.dataEncryptedForImpact,
  description: 'PutObject of a key named like a ransom note (decrypt, restore, ransom, recover, readme).',
  triage: ['Read the object.', 'Check for mass deletes or SSE-C writes by the same principal.'],
  falsePositives: ['Ordinary README files (check the principal and the bucket).'],
  references: ['Stratus aws.impact.s3-ransomware-*'],
  kind: 'single',
  configSchema: z.object({ keyPattern: z.string() }),
  defaultConfig: { keyPattern: '(decrypt|restore|ransom|recover|readme)[^/]*$' },
  match: (event, config) =>
    event.eventSource === 's3.amazonaws.com' &&
    event.eventName === 'PutObject' &&
    succeeded(event) &&
    new RegExp(config.keyPattern, 'i').test(textAt(requestOf(event), 'key') ?? ''),
  summarize: (event) =>
    `${event.principalName} uploaded ${textAt(requestOf(event), 'key')} to ${textAt(requestOf(event), 'bucketName')}`,
});
