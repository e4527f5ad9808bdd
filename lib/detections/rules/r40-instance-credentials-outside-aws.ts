import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { cidrWithin } from '../helpers/network';

// Agents that legitimately call with instance credentials through their own endpoints.
const AGENT_SOURCES = new Set([
  'ssm.amazonaws.com',
  'ec2messages.amazonaws.com',
  'ssmmessages.amazonaws.com',
]);

export const instanceCredentialsOutsideAws = defineRule({
  id: 'R40',
  slug: 'instance-credentials-outside-aws',
  title: 'EC2 instance credentials used outside AWS',
  severity: 'high',
  tactic: TACTICS.credentialAccess,
  technique: TECHNIQUES.instanceMetadataApi,
  description:
    'An EC2 instance-profile session (session name i-…) called AWS from a public IP whose ASN is not Amazon: its credentials were stolen from the metadata service. Without ASN enrichment the rule still reports, at low severity, because an instance’s own public IP looks the same.',
  triage: [
    'Compare the source IP with the instance’s public/EIP and NAT addresses.',
    'Revoke the role’s active sessions and look for SSRF/IMDSv1 on the instance.',
  ],
  falsePositives: ['Instances egressing through a non-AWS proxy; add its CIDR to trustedCidrs.'],
  references: [
    'GuardDuty UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS',
    'Panther AWS.CloudTrail.IMDSCredentialExfiltration; OTRF cloud_breach_s3 dataset',
  ],
  kind: 'single',
  configSchema: z.object({ trustedCidrs: z.array(z.string()) }),
  defaultConfig: { trustedCidrs: [] },
  match: (event, config, ctx) => {
    if (event.roleSessionKind !== 'ec2-instance' || event.invokedBy !== null) return false;
    if (event.ipKind !== 'public' || event.sourceIp === null) return false;
    if (AGENT_SOURCES.has(event.eventSource ?? '') || cidrWithin(event.sourceIp, config.trustedCidrs))
      return false;
    const intel = ctx.ipIntel(event.sourceIp);
    if (intel?.isCloudProvider === true && /amazon/i.test(intel.asOrg ?? '')) return false;
    if (intel === null)
      return {
        severity: 'low',
        summary: `Instance credentials of ${event.principalName} used from ${event.sourceIp} (ASN unknown)`,
      };
    return true;
  },
  summarize: (event) =>
    `Instance credentials of ${event.principalName} used from ${event.sourceIp} outside AWS`,
});
