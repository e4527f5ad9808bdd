import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { cidrWithin, coversPort, ingressRules, isWorldCidr, REMOTE_ACCESS_PORTS } from '../helpers/network';
import { requestOf, succeeded, targetName } from '../helpers/record';

export const ingressOpenToWorld = defineRule({
  id: 'R61',
  slug: 'ingress-open-to-world',
  title: 'Security group ingress opened to the internet',
  severity: 'high',
  tactic: TACTICS.defenseEvasion,
  technique: TECHNIQUES.disableCloudFirewall,
  description:
    'AuthorizeSecurityGroupIngress with a /0 range (IPv4 or IPv6), or, when trustedCidrs is set, a range outside it. Critical for all protocols or remote-access/database ports.',
  triage: ['Check what the group is attached to.', 'Revoke the rule if not a public service.'],
  falsePositives: ['Public load balancers on 80/443 (reported as high, not critical).'],
  references: [
    'Elastic defense_evasion_vpc_security_group_ingress_rule_added_for_remote_connections; Stratus ec2-security-group-open-port-22-ingress',
  ],
  kind: 'single',
  configSchema: z.object({ trustedCidrs: z.array(z.string()), sensitivePorts: z.array(z.number().int()) }),
  defaultConfig: { trustedCidrs: [], sensitivePorts: REMOTE_ACCESS_PORTS },
  match: (event, config) => {
    if (event.eventSource !== 'ec2.amazonaws.com' || event.eventName !== 'AuthorizeSecurityGroupIngress')
      return false;
    if (!succeeded(event)) return false;
    const open = ingressRules(requestOf(event)).filter(
      (rule) =>
        isWorldCidr(rule.cidr) ||
        (config.trustedCidrs.length > 0 && !cidrWithin(rule.cidr, config.trustedCidrs)),
    );
    if (open.length === 0) return false;
    const critical = open.some((rule) => coversPort(rule, config.sensitivePorts));
    const ports = open.map(
      (rule) => `${rule.cidr}:${rule.protocol === '-1' ? 'all' : (rule.fromPort ?? '?')}`,
    );
    return {
      severity: critical ? 'critical' : 'high',
      summary: `${targetName(event, 'groupId', 'groupName')} opened to ${ports.join(', ')}`,
    };
  },
  dedupParts: (event) => [targetName(event, 'groupId', 'groupName')],
  summarize: (event) => `${targetName(event, 'groupId', 'groupName')} opened to the internet`,
});
