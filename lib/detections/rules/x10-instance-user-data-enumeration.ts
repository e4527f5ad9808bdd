import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule, MINUTE_MS } from '../define-rule';
import { requestOf, textAt } from '../helpers/record';

export const instanceUserDataEnumeration = defineRule({
  id: 'X10',
  slug: 'instance-user-data-enumeration',
  title: 'User data read from many instances',
  severity: 'medium',
  tactic: TACTICS.discovery,
  technique: TECHNIQUES.cloudInfrastructureDiscovery,
  description:
    'DescribeInstanceAttribute for userData, ten or more times in an hour: harvesting bootstrap scripts for secrets.',
  triage: ['List the instances.', 'Check their user data for credentials.'],
  falsePositives: ['Inventory tools.'],
  references: ['Panther (10); Sigma unsupported count rule; Stratus aws.discovery.ec2-download-user-data'],
  kind: 'threshold',
  configSchema: z.object({ calls: z.number().int().min(1), windowMinutes: z.number().positive() }),
  defaultConfig: { calls: 10, windowMinutes: 60 },
  filter: (event) =>
    event.eventSource === 'ec2.amazonaws.com' &&
    event.eventName === 'DescribeInstanceAttribute' &&
    textAt(requestOf(event), 'attribute') === 'userData',
  groupBy: (event) => event.principalKey,
  windowMs: (config) => config.windowMinutes * MINUTE_MS,
  measure: { type: 'count' },
  threshold: (config) => config.calls,
  summarize: (window) => `${window.value} user-data reads by ${window.groupKey}`,
});
