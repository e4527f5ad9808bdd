import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule, MINUTE_MS } from '../define-rule';

export const accessDeniedRecon = defineRule({
  id: 'R43',
  slug: 'access-denied-recon',
  title: 'Many access-denied errors',
  severity: 'medium',
  tactic: TACTICS.discovery,
  technique: TECHNIQUES.cloudServiceDiscovery,
  description:
    'A principal hit many AccessDenied / UnauthorizedOperation errors in ten minutes: probing what stolen credentials may do.',
  triage: ['List the denied calls.', 'Check whether the credentials are used from a new place.'],
  falsePositives: ['Misconfigured automation retrying one call (check the distinct call count).'],
  references: ['Panther AWS.IAMUser.ReconAccessDenied (15 in 10 min)'],
  kind: 'threshold',
  configSchema: z.object({ errors: z.number().int().min(1), windowMinutes: z.number().positive() }),
  defaultConfig: { errors: 15, windowMinutes: 10 },
  filter: (event) => event.isAccessDenied && event.principalType !== 'AWSService',
  groupBy: (event) => event.principalKey,
  windowMs: (config) => config.windowMinutes * MINUTE_MS,
  measure: { type: 'count' },
  threshold: (config) => config.errors,
  summarize: (window) => {
    const calls = new Set(window.events.map((event) => event.eventName));
    return `${window.value} access-denied errors across ${calls.size} calls by ${window.groupKey}`;
  },
});
