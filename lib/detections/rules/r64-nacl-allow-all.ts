import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { isWorldCidr } from '../helpers/network';
import { boolAt, isCall, requestOf, succeeded, targetName, textAt } from '../helpers/record';

const NAMES = new Set(['CreateNetworkAclEntry', 'ReplaceNetworkAclEntry']);

export const naclAllowAll = defineRule({
  id: 'R64',
  slug: 'nacl-allow-all',
  title: 'Network ACL allows all traffic from anywhere',
  severity: 'medium',
  tactic: TACTICS.defenseEvasion,
  technique: TECHNIQUES.disableCloudFirewall,
  description: 'A network ACL entry allowing all protocols to or from /0.',
  triage: ['Check which subnets use the ACL.', 'Restore the previous entry.'],
  falsePositives: ['Default-like ACLs in sandbox VPCs.'],
  references: [
    'Elastic defense_evasion_ec2_nacl_all_traffic_allowed_new_identity; Panther AWS.CloudTrail.NetworkACLPermissiveEntry',
  ],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) => {
    if (!isCall(event, 'ec2', NAMES) || !succeeded(event)) return false;
    const request = requestOf(event);
    const cidr = textAt(request, 'cidrBlock') ?? textAt(request, 'ipv6CidrBlock') ?? '';
    return textAt(request, 'aclProtocol') === '-1' &&
      textAt(request, 'ruleAction') === 'allow' &&
      isWorldCidr(cidr)
      ? {
          summary: `${targetName(event, 'networkAclId')} allows all ${boolAt(request, 'egress') ? 'egress' : 'ingress'} from ${cidr}`,
        }
      : false;
  },
  summarize: (event) => `${targetName(event, 'networkAclId')} allows all traffic`,
});
