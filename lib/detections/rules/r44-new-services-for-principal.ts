import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { DAY_MS, defineRule, HOUR_MS } from '../define-rule';

export const newServicesForPrincipal = defineRule({
  id: 'R44',
  slug: 'new-services-for-principal',
  title: 'Principal started using several new services',
  severity: 'medium',
  tactic: TACTICS.discovery,
  technique: TECHNIQUES.cloudServiceDiscovery,
  description:
    'Three or more AWS services the principal never used in the baseline window, within one hour: a changed behaviour typical of stolen credentials.',
  triage: ['List the new services and calls.', 'Ask the owner whether the change is expected.'],
  falsePositives: ['New projects; the first days of a new principal (set learnUntil).'],
  references: ['Article (many new services); Elastic ML rare_method_for_a_user_id'],
  kind: 'firstSeen',
  feature: 'service',
  scope: 'principal',
  configSchema: z.object({
    newServices: z.number().int().min(1),
    windowMinutes: z.number().positive(),
    baselineDays: z.number().positive(),
  }),
  defaultConfig: { newServices: 3, windowMinutes: 60, baselineDays: 30 },
  filter: (event) => event.principalType !== 'AWSService' && event.eventSource !== null,
  value: (event) => event.eventSource,
  baselineMs: (config) => config.baselineDays * DAY_MS,
  minNovel: (config) => config.newServices,
  noveltyWindowMs: (config) => (config.windowMinutes * HOUR_MS) / 60,
  summarize: (event, services) =>
    `${event.principalName} used ${services.length} new services: ${services.join(', ')}`,
});
