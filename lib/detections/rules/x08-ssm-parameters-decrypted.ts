import { z } from 'zod';
import type { NormalizedEvent } from '@/lib/cloudtrail/types';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule, MINUTE_MS } from '../define-rule';
import { boolAt, requestOf, stringsOf, textAt } from '../helpers/record';

const parameterNames = (event: NormalizedEvent): string =>
  textAt(requestOf(event), 'name') ?? stringsOf(requestOf(event)?.names).sort().join(',');

export const ssmParametersDecrypted = defineRule({
  id: 'X08',
  slug: 'ssm-parameters-decrypted',
  title: 'SecureString parameters decrypted in bulk',
  severity: 'medium',
  tactic: TACTICS.credentialAccess,
  technique: TECHNIQUES.cloudSecretsStores,
  description: 'GetParameter(s) with withDecryption=true for many distinct parameter sets within an hour.',
  triage: ['List the parameters.', 'Rotate the secrets they hold if unexpected.'],
  falsePositives: ['Application start-ups reading their config.'],
  references: ['Panther SSM decrypt (25); Stratus ssm-retrieve-securestring-parameters'],
  kind: 'threshold',
  configSchema: z.object({ calls: z.number().int().min(1), windowMinutes: z.number().positive() }),
  defaultConfig: { calls: 5, windowMinutes: 60 },
  filter: (event) =>
    event.eventSource === 'ssm.amazonaws.com' &&
    (event.eventName === 'GetParameter' || event.eventName === 'GetParameters') &&
    boolAt(requestOf(event), 'withDecryption') === true,
  groupBy: (event) => event.principalKey,
  windowMs: (config) => config.windowMinutes * MINUTE_MS,
  measure: { type: 'distinct', of: parameterNames },
  threshold: (config) => config.calls,
  summarize: (window) => `${window.value} decrypted parameter reads by ${window.groupKey}`,
});
