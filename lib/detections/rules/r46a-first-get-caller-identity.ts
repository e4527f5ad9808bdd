import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { DAY_MS, defineRule } from '../define-rule';

export const firstGetCallerIdentity = defineRule({
  id: 'R46a',
  slug: 'first-get-caller-identity',
  title: 'First GetCallerIdentity by a principal',
  severity: 'low',
  tactic: TACTICS.discovery,
  technique: TECHNIQUES.cloudAccountDiscovery,
  description:
    'A (non-role-session) principal called sts:GetCallerIdentity for the first time: often the first thing done with freshly stolen keys ("whoami").',
  triage: ['Check the source IP and user agent.', 'Look at what followed.'],
  falsePositives: ['New CLI set-ups; role sessions are excluded because SDKs call it routinely.'],
  references: ['Elastic discovery_new_terms_sts_getcalleridentity'],
  kind: 'firstSeen',
  feature: 'api',
  scope: 'principal',
  configSchema: z.object({ baselineDays: z.number().positive() }),
  defaultConfig: { baselineDays: 30 },
  filter: (event) =>
    event.eventSource === 'sts.amazonaws.com' &&
    event.eventName === 'GetCallerIdentity' &&
    event.principalType !== 'AssumedRole' &&
    event.principalType !== 'AWSService',
  value: () => 'GetCallerIdentity',
  baselineMs: (config) => config.baselineDays * DAY_MS,
  summarize: (event) =>
    `${event.principalName} called GetCallerIdentity for the first time from ${event.sourceIpRaw ?? '?'}`,
});
