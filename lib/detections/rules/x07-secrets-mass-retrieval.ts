import { z } from 'zod';
import type { NormalizedEvent } from '@/lib/cloudtrail/types';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule, MINUTE_MS } from '../define-rule';
import { requestOf, stringsOf, succeeded, textAt } from '../helpers/record';

// BatchGetSecretValue names its secrets in a list (or a filter); each distinct list counts as one
// value, so a single call that reads everything stays below the threshold (a known gap).
function secretOf(event: NormalizedEvent): string | null {
  const request = requestOf(event);
  if (event.eventName === 'GetSecretValue') return textAt(request, 'secretId');
  return stringsOf(request?.secretIdList).sort().join(',') || JSON.stringify(request?.filters ?? 'batch');
}

export const secretsMassRetrieval = defineRule({
  id: 'X07',
  slug: 'secrets-mass-retrieval',
  title: 'Many secrets read by one principal',
  severity: 'high',
  tactic: TACTICS.credentialAccess,
  technique: TECHNIQUES.cloudSecretsStores,
  description: 'One principal read many distinct Secrets Manager secrets within an hour.',
  triage: ['List the secrets read.', 'Rotate them if the principal had no reason to.'],
  falsePositives: ['Secret-sync tools and start-up of large applications.'],
  references: [
    'Elastic credential_access_secretsmanager_mass_retrieval (20 distinct); Stratus secretsmanager-retrieve-secrets',
  ],
  kind: 'threshold',
  configSchema: z.object({ secrets: z.number().int().min(1), windowMinutes: z.number().positive() }),
  defaultConfig: { secrets: 20, windowMinutes: 60 },
  filter: (event) =>
    event.eventSource === 'secretsmanager.amazonaws.com' &&
    (event.eventName === 'GetSecretValue' || event.eventName === 'BatchGetSecretValue') &&
    succeeded(event),
  groupBy: (event) => event.principalKey,
  windowMs: (config) => config.windowMinutes * MINUTE_MS,
  measure: { type: 'distinct', of: secretOf },
  threshold: (config) => config.secrets,
  summarize: (window) => `${window.value} distinct secret reads by ${window.groupKey}`,
});
