import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { DAY_MS, defineRule } from '../define-rule';
import { requestOf, succeeded, textAt } from '../helpers/record';

const HUMAN_TYPES = new Set([
  'IAMUser',
  'AssumedRole',
  'Root',
  'FederatedUser',
  'SAMLUser',
  'IdentityCenterUser',
]);

// A threshold on distinct caller classes, not a sequence: who assumed the role first does not matter.
export const serviceRoleUsedByHuman = defineRule({
  id: 'R39',
  slug: 'service-role-used-by-human',
  title: 'Service role also assumed by a user',
  severity: 'medium',
  tactic: TACTICS.privilegeEscalation,
  technique: TECHNIQUES.temporaryElevatedAccess,
  description:
    'A role assumed by an AWS service was also assumed by a user or role session within 24 hours: someone borrowing a service role’s rights.',
  triage: ['Check why a person needs the service role.', 'Tighten its trust policy to the service.'],
  falsePositives: ['Engineers debugging a service role on purpose.'],
  references: ['Panther query aws_potentially_compromised_service_role'],
  kind: 'threshold',
  eventNames: ['AssumeRole'],
  configSchema: z.object({ windowHours: z.number().positive() }),
  defaultConfig: { windowHours: 24 },
  filter: (event) =>
    event.eventSource === 'sts.amazonaws.com' && event.eventName === 'AssumeRole' && succeeded(event),
  groupBy: (event) => textAt(requestOf(event), 'roleArn'),
  windowMs: (config) => (config.windowHours * DAY_MS) / 24,
  measure: {
    type: 'distinct',
    of: (event) =>
      event.principalType === 'AWSService' ? 'service' : HUMAN_TYPES.has(event.principalType) ? 'user' : null,
  },
  threshold: () => 2,
  summarize: (window) => `Service role ${window.groupKey} was also assumed by a user`,
});
