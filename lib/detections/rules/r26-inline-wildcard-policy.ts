import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { allowsEverything, parsePolicy } from '../helpers/policy';
import { isCall, requestOf, succeeded, targetName } from '../helpers/record';

const NAMES = new Set(['PutUserPolicy', 'PutRolePolicy', 'PutGroupPolicy']);

export const inlineWildcardPolicy = defineRule({
  id: 'R26',
  slug: 'inline-wildcard-policy',
  title: 'Inline policy grants everything',
  severity: 'high',
  tactic: TACTICS.privilegeEscalation,
  technique: TECHNIQUES.additionalCloudRoles,
  description:
    'An inline policy with an Allow of Action "*" (or iam:*) on Resource "*": admin rights that do not show up as an attached AdministratorAccess.',
  triage: ['Read the decoded policy document.', 'Check who benefits and what they did next.'],
  falsePositives: ['Sandbox accounts.'],
  references: ['Elastic privilege_escalation_iam_inline_policy_added_to_group'],
  kind: 'single',
  configSchema: z.object({ actions: z.array(z.string()) }),
  defaultConfig: { actions: ['*', 'iam:*'] },
  match: (event, config) => {
    if (!isCall(event, 'iam', NAMES) || !succeeded(event)) return false;
    const statements = parsePolicy(requestOf(event)?.policyDocument) ?? [];
    return statements.some((statement) => allowsEverything(statement, config.actions));
  },
  dedupParts: (event) => [
    targetName(event, 'userName', 'roleName', 'groupName'),
    targetName(event, 'policyName'),
  ],
  summarize: (event) =>
    `Wildcard inline policy ${targetName(event, 'policyName')} on ${targetName(event, 'userName', 'roleName', 'groupName')}`,
});
