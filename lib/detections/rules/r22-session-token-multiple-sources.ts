import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule, MINUTE_MS } from '../define-rule';
import { isInfrastructureAsCode } from '../helpers/record';

export const sessionTokenMultipleSources = defineRule({
  id: 'R22',
  slug: 'session-token-multiple-sources',
  title: 'Temporary credentials used from several IPs',
  severity: 'high',
  tactic: TACTICS.credentialAccess,
  technique: TECHNIQUES.applicationAccessToken,
  description:
    'One temporary (ASIA) access key was used from two or more public IPs within 30 minutes. High when the IPs are also in different ASNs and cities.',
  triage: ['Compare the IPs’ owners.', 'Revoke the role sessions if one IP is unknown.'],
  falsePositives: ['Dual-stack clients, mobile networks, split-tunnel VPNs.'],
  references: ['Elastic initial_access_iam_session_token_used_from_multiple_addresses'],
  kind: 'threshold',
  configSchema: z.object({ addresses: z.number().int().min(2), windowMinutes: z.number().positive() }),
  defaultConfig: { addresses: 2, windowMinutes: 30 },
  filter: (event) =>
    (event.accessKeyId ?? '').startsWith('ASIA') &&
    event.ipKind === 'public' &&
    !isInfrastructureAsCode(event),
  groupBy: (event) => event.accessKeyId,
  windowMs: (config) => config.windowMinutes * MINUTE_MS,
  measure: { type: 'distinct', of: (event) => event.sourceIp },
  threshold: (config) => config.addresses,
  assess: (window, _config, ctx) => {
    const intel = window.events.map((event) => ctx.ipIntel(event.sourceIp));
    const asns = new Set(intel.map((entry) => entry?.asn).filter((asn) => asn != null));
    const cities = new Set(intel.map((entry) => entry?.city).filter((city) => city != null));
    if (asns.size >= 2 && cities.size >= 2) return true;
    return { severity: asns.size >= 2 ? 'medium' : 'low' };
  },
  summarize: (window) => `Session key ${window.groupKey} used from ${window.value} IPs`,
});
