import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { DAY_MS, defineRule } from '../define-rule';
import { isServicePrincipal, succeeded } from '../helpers/record';

const NAMES = new Set(['AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity']);

export const assumeRoleNewCountry = defineRule({
  id: 'R34',
  slug: 'assume-role-new-country',
  title: 'Role assumed from a new country for the caller',
  severity: 'medium',
  tactic: TACTICS.initialAccess,
  technique: TECHNIQUES.cloudAccounts,
  description:
    'A caller assumed a role from a country it has not used in the baseline window. Needs GeoIP enrichment; silent without it.',
  triage: ['Check the IP and the role.', 'Ask the caller about travel or VPN.'],
  falsePositives: ['Travel, VPN exits, CI runners in new regions.'],
  references: ['Article (AssumeRole from new locations); GuardDuty anomaly features'],
  kind: 'firstSeen',
  feature: 'assume-role-country',
  scope: 'principal',
  configSchema: z.object({ baselineDays: z.number().positive() }),
  defaultConfig: { baselineDays: 10 },
  filter: (event) =>
    event.eventSource === 'sts.amazonaws.com' &&
    NAMES.has(event.eventName ?? '') &&
    succeeded(event) &&
    !isServicePrincipal(event),
  value: (event, _config, ctx) => ctx.ipIntel(event.sourceIp)?.country ?? null,
  baselineMs: (config) => config.baselineDays * DAY_MS,
  summarize: (event, [country]) => `${event.principalName} assumed a role from new country ${country}`,
});
