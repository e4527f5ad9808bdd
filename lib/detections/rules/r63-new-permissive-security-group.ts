import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule, MINUTE_MS } from '../define-rule';
import { ingressRules, isWorldCidr } from '../helpers/network';
import { requestOf, responseOf, succeeded, textAt } from '../helpers/record';

export const newPermissiveSecurityGroup = defineRule({
  id: 'R63',
  slug: 'new-permissive-security-group',
  title: 'New security group opened to the internet',
  severity: 'high',
  tactic: TACTICS.defenseEvasion,
  technique: TECHNIQUES.disableCloudFirewall,
  description:
    'A security group was created and, within 15 minutes and by the same actor, given ingress from /0 (joined on responseElements.groupId).',
  triage: ['Find the instances it was attached to.', 'Revoke the rule.'],
  falsePositives: ['IaC creating public web tiers.'],
  references: ['Article (new permissive security group)'],
  kind: 'sequence',
  configSchema: z.object({ windowMinutes: z.number().positive() }),
  defaultConfig: { windowMinutes: 15 },
  steps: [
    {
      name: 'CreateSecurityGroup',
      match: (event) =>
        event.eventSource === 'ec2.amazonaws.com' &&
        event.eventName === 'CreateSecurityGroup' &&
        succeeded(event),
      joinKey: (event) => textAt(responseOf(event), 'groupId'),
    },
    {
      name: 'world-open ingress',
      match: (event) =>
        event.eventName === 'AuthorizeSecurityGroupIngress' &&
        succeeded(event) &&
        ingressRules(requestOf(event)).some((rule) => isWorldCidr(rule.cidr)),
      joinKey: (event) => textAt(requestOf(event), 'groupId'),
    },
  ],
  windowMs: (config) => config.windowMinutes * MINUTE_MS,
  correlate: ([created, opened]) => created?.principalKey === opened?.principalKey,
  summarize: ([created]) =>
    `${created?.principalName} created ${created ? textAt(responseOf(created), 'groupId') : '?'} and opened it to the internet`,
});
