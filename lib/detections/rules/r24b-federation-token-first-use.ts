import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { DAY_MS, defineRule } from '../define-rule';
import { allowsEverything, parsePolicy } from '../helpers/policy';
import { requestOf, succeeded, textAt } from '../helpers/record';

export const federationTokenFirstUse = defineRule({
  id: 'R24b',
  slug: 'federation-token-first-use',
  title: 'First GetFederationToken by a principal',
  severity: 'high',
  tactic: TACTICS.persistence,
  technique: TECHNIQUES.applicationAccessToken,
  description:
    'A principal called GetFederationToken for the first time. Federation tokens survive deleting the calling key and can open a console session.',
  triage: ['Read the session policy in requestParameters.policy.', 'Follow the federated-user session.'],
  falsePositives: ['Legacy federation proxies (they call it constantly, so only the first call alerts).'],
  references: [
    'Elastic defense_evasion_sts_get_federation_token; Stratus aws.persistence.sts-federation-token',
  ],
  kind: 'firstSeen',
  feature: 'api',
  scope: 'principal',
  configSchema: z.object({ baselineDays: z.number().positive() }),
  defaultConfig: { baselineDays: 30 },
  filter: (event) =>
    event.eventSource === 'sts.amazonaws.com' && event.eventName === 'GetFederationToken' && succeeded(event),
  value: () => 'GetFederationToken',
  baselineMs: (config) => config.baselineDays * DAY_MS,
  summarize: (event) => {
    const request = requestOf(event);
    const policy = parsePolicy(request?.policy) ?? [];
    const admin =
      policy.some((statement) => allowsEverything(statement, ['*'])) ||
      JSON.stringify(request?.policyArns ?? '').includes('AdministratorAccess');
    return `${event.principalName} minted federation token "${textAt(request, 'name') ?? '?'}"${admin ? ' with admin rights' : ''}`;
  },
});
