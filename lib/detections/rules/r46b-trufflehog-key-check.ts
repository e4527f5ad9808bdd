import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';

export const trufflehogKeyCheck = defineRule({
  id: 'R46b',
  slug: 'trufflehog-key-check',
  title: 'Key validated by TruffleHog',
  severity: 'medium',
  tactic: TACTICS.discovery,
  technique: TECHNIQUES.cloudAccountDiscovery,
  description:
    'GetCallerIdentity with a TruffleHog user agent: a secret scanner (or its user) checked a leaked key.',
  triage: ['Rotate the key.', 'Find where it leaked.'],
  falsePositives: ['Your own secret-scanning runs.'],
  references: ['Sigma aws_sts_getcalleridentity_trufflehog'],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) => event.eventName === 'GetCallerIdentity' && /trufflehog/i.test(event.userAgent ?? ''),
  summarize: (event) => `TruffleHog validated key ${event.accessKeyId ?? '?'} of ${event.principalName}`,
});
