import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { ingressRules, isWorldCidr } from '../helpers/network';
import { requestOf, succeeded, targetName } from '../helpers/record';

// Egress permissions use the same ipPermissions shape as ingress.
export const egressRestrictionsRemoved = defineRule({
  id: 'R62',
  slug: 'egress-restrictions-removed',
  title: 'Security group egress rule revoked or opened wide',
  severity: 'medium',
  tactic: TACTICS.defenseEvasion,
  technique: TECHNIQUES.disableCloudFirewall,
  description:
    'An egress rule was revoked, or all-protocol egress to /0 was authorised: restrictions that stop exfiltration or C2 were lifted.',
  triage: ['Compare with the group’s previous egress rules.', 'Check traffic from attached instances.'],
  falsePositives: ['Routine rule clean-ups.'],
  references: ['Article (egress changes); Timesketch aws_cloudtrail analyzer SGChanged'],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) => {
    if (event.eventSource !== 'ec2.amazonaws.com' || !succeeded(event)) return false;
    if (event.eventName === 'RevokeSecurityGroupEgress') return true;
    if (event.eventName !== 'AuthorizeSecurityGroupEgress') return false;
    return ingressRules(requestOf(event)).some((rule) => isWorldCidr(rule.cidr) && rule.protocol === '-1');
  },
  dedupParts: (event) => [targetName(event, 'groupId')],
  summarize: (event) => `${event.eventName} on ${targetName(event, 'groupId')} by ${event.principalName}`,
});
