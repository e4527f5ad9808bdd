import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule, MINUTE_MS } from '../define-rule';

export const trustPolicyPrincipalEnumeration = defineRule({
  id: 'R28b',
  slug: 'trust-policy-principal-enumeration',
  title: 'Principal enumeration through trust-policy errors',
  severity: 'high',
  tactic: TACTICS.discovery,
  technique: TECHNIQUES.cloudAccountDiscovery,
  description:
    'Many UpdateAssumeRolePolicy calls failing with MalformedPolicyDocumentException: the error reveals whether a foreign ARN exists (pacu iam__enum_users/roles).',
  triage: ['Read the principals tried in the failed documents.', 'Identify the caller’s credentials.'],
  falsePositives: ['A broken deployment retrying a bad policy (one repeated document).'],
  references: ['Elastic discovery_iam_principal_enumeration_via_update_assume_role_policy (25)'],
  kind: 'threshold',
  configSchema: z.object({ errors: z.number().int().min(1), windowMinutes: z.number().positive() }),
  defaultConfig: { errors: 25, windowMinutes: 10 },
  filter: (event) =>
    event.eventName === 'UpdateAssumeRolePolicy' && event.errorCode === 'MalformedPolicyDocumentException',
  groupBy: (event) => event.principalKey,
  windowMs: (config) => config.windowMinutes * MINUTE_MS,
  measure: { type: 'count' },
  threshold: (config) => config.errors,
  summarize: (window) => `${window.value} malformed trust-policy updates by ${window.groupKey}`,
});
