import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { DAY_MS, defineRule } from '../define-rule';
import { succeeded } from '../helpers/record';

export const longTermKeyNewSourceIp = defineRule({
  id: 'R21',
  slug: 'long-term-key-new-source-ip',
  title: 'Long-term access key used from a new IP',
  severity: 'medium',
  tactic: TACTICS.initialAccess,
  technique: TECHNIQUES.cloudAccounts,
  description:
    'An AKIA access key was used successfully from an IP it has not used in the baseline window. Leaked keys show up like this.',
  triage: ['Look up the IP owner (ASN).', 'Compare with the key owner’s usual locations.'],
  falsePositives: ['New CI runners, laptops on new networks.'],
  references: ['Elastic credential_access_iam_long_term_access_key_first_seen_from_source_ip (10 days)'],
  kind: 'firstSeen',
  feature: 'access-key-ip',
  scope: 'principal',
  configSchema: z.object({ baselineDays: z.number().positive() }),
  defaultConfig: { baselineDays: 10 },
  filter: (event) =>
    (event.accessKeyId ?? '').startsWith('AKIA') && event.ipKind === 'public' && succeeded(event),
  value: (event) => `${event.accessKeyId}@${event.sourceIp}`,
  baselineMs: (config) => config.baselineDays * DAY_MS,
  assess: (event, _value, _config, ctx) =>
    ctx.ipIntel(event.sourceIp)?.isCloudProvider === false ? { severity: 'high' } : true,
  summarize: (event) => `Key ${event.accessKeyId} used from new IP ${event.sourceIp}`,
});
