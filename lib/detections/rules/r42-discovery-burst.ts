import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';

const DISCOVERY_RE = /^(List|Describe|Get)/;

export const discoveryBurst = defineRule({
  id: 'R42',
  slug: 'discovery-burst',
  title: 'Burst of discovery calls from the CLI or SDK',
  severity: 'low',
  tactic: TACTICS.discovery,
  technique: TECHNIQUES.cloudInfrastructureDiscovery,
  description:
    'More than five distinct List/Describe/Get calls within ten seconds by one principal, outside the console: enumeration tooling.',
  triage: ['See which services were enumerated.', 'Check the user agent and source IP.'],
  falsePositives: ['Inventory and CSPM tools (scope them out by principal).'],
  references: ['Elastic discovery_multiple_discovery_api_calls_via_cli (>5 in 10 s)'],
  kind: 'threshold',
  configSchema: z.object({ distinctCalls: z.number().int().min(2), windowSeconds: z.number().positive() }),
  defaultConfig: { distinctCalls: 6, windowSeconds: 10 },
  filter: (event) =>
    !event.isConsole && event.principalType !== 'AWSService' && DISCOVERY_RE.test(event.eventName ?? ''),
  groupBy: (event) => event.principalKey,
  windowMs: (config) => config.windowSeconds * 1000,
  measure: { type: 'distinct', of: (event) => `${event.eventSource}:${event.eventName}` },
  threshold: (config) => config.distinctCalls,
  assess: (window) => (window.value >= 15 ? { severity: 'medium' } : true),
  summarize: (window) => `${window.value} distinct discovery calls in seconds by ${window.groupKey}`,
});
