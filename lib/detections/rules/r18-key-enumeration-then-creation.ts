import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule, MINUTE_MS } from '../define-rule';
import { succeeded } from '../helpers/record';

const isIam = (source: string | null) => source === 'iam.amazonaws.com';

export const keyEnumerationThenCreation = defineRule({
  id: 'R18',
  slug: 'key-enumeration-then-creation',
  title: 'Access keys listed, then a key created',
  severity: 'high',
  tactic: TACTICS.persistence,
  technique: TECHNIQUES.additionalCloudCredentials,
  description:
    'The same principal listed access keys and then created one: the pattern of looking for users with a free key slot.',
  triage: ['See which users were listed and who got the new key.', 'Check the new key for use (R19).'],
  falsePositives: ['Key rotation scripts (they list, then create for the same user).'],
  references: ['TrailDiscover iam:ListAccessKeys (used in the wild)'],
  kind: 'sequence',
  configSchema: z.object({ windowMinutes: z.number().positive() }),
  defaultConfig: { windowMinutes: 60 },
  steps: [
    {
      name: 'ListAccessKeys',
      match: (event) => isIam(event.eventSource) && event.eventName === 'ListAccessKeys',
      joinKey: (event) => event.principalKey,
    },
    {
      name: 'CreateAccessKey',
      match: (event) => isIam(event.eventSource) && event.eventName === 'CreateAccessKey' && succeeded(event),
      joinKey: (event) => event.principalKey,
    },
  ],
  windowMs: (config) => config.windowMinutes * MINUTE_MS,
  summarize: (chain) => `${chain[0]?.principalName} listed access keys, then created one`,
});
