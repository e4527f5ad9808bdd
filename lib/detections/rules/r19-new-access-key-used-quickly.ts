import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule, MINUTE_MS } from '../define-rule';
import { responseOf, succeeded, textAt } from '../helpers/record';

const RECON_RE = /^(GetCallerIdentity|List|Describe|GetAccountAuthorizationDetails)/;

export const newAccessKeyUsedQuickly = defineRule({
  id: 'R19',
  slug: 'new-access-key-used-quickly',
  title: 'Newly created access key used within the hour',
  severity: 'high',
  tactic: TACTICS.persistence,
  technique: TECHNIQUES.additionalCloudCredentials,
  description:
    'An access key was created and used soon after. Critical when the first use comes from another IP than the creator, or starts with reconnaissance.',
  triage: [
    'Compare the creator and the first user of the key (IP, user agent).',
    'Deactivate the key if unexplained.',
  ],
  falsePositives: ['Provisioning pipelines that create and immediately test a key.'],
  references: ['Elastic persistence_iam_user_self_created_access_key_subsequently_used (3600 s)'],
  kind: 'sequence',
  configSchema: z.object({ windowMinutes: z.number().positive() }),
  defaultConfig: { windowMinutes: 60 },
  steps: [
    {
      name: 'CreateAccessKey',
      match: (event) =>
        event.eventSource === 'iam.amazonaws.com' &&
        event.eventName === 'CreateAccessKey' &&
        succeeded(event),
      joinKey: (event) => textAt(responseOf(event), 'accessKey', 'accessKeyId'),
    },
    { name: 'first use', match: () => true, joinKey: (event) => event.accessKeyId },
  ],
  windowMs: (config) => config.windowMinutes * MINUTE_MS,
  correlate: ([created, used]) => {
    if (!created || !used) return false;
    const otherIp = created.sourceIpRaw !== used.sourceIpRaw;
    const recon = RECON_RE.test(used.eventName ?? '');
    if (!otherIp && !recon) return true;
    return {
      severity: 'critical',
      summary: `Key ${used.accessKeyId} created by ${created.principalName} was used ${otherIp ? `from another IP (${used.sourceIpRaw})` : 'for recon'}: ${used.eventName}`,
    };
  },
  summarize: ([created, used]) =>
    `Key ${used?.accessKeyId} created by ${created?.principalName} was used for ${used?.eventName}`,
});
