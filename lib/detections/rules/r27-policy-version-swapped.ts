import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { boolAt, isInfrastructureAsCode, requestOf, succeeded, targetName } from '../helpers/record';

export const policyVersionSwapped = defineRule({
  id: 'R27',
  slug: 'policy-version-swapped',
  title: 'Customer-managed policy version made default',
  severity: 'medium',
  tactic: TACTICS.privilegeEscalation,
  technique: TECHNIQUES.additionalCloudRoles,
  description:
    'A new default policy version (CreatePolicyVersion with setAsDefault, or SetDefaultPolicyVersion) silently changes what every holder of the policy may do.',
  triage: ['Diff the new version against the previous one.', 'Check who holds the policy.'],
  falsePositives: ['Changes deployed through IaC (excluded by user agent).'],
  references: ['Elastic privilege_escalation_iam_customer_managed_policy_version_created_or_set_default'],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) => {
    if (event.eventSource !== 'iam.amazonaws.com' || !succeeded(event) || isInfrastructureAsCode(event))
      return false;
    if (event.eventName === 'SetDefaultPolicyVersion') return true;
    return event.eventName === 'CreatePolicyVersion' && boolAt(requestOf(event), 'setAsDefault') === true;
  },
  dedupParts: (event) => [targetName(event, 'policyArn')],
  summarize: (event) => `${event.eventName} on ${targetName(event, 'policyArn')} by ${event.principalName}`,
});
