import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { isCall, requestOf, succeeded, targetName, textAt } from '../helpers/record';

const NAMES = new Set(['AttachUserPolicy', 'AttachRolePolicy', 'AttachGroupPolicy']);

export const administratorAccessAttached = defineRule({
  id: 'R25',
  slug: 'administrator-access-attached',
  title: 'AdministratorAccess policy attached',
  severity: 'high',
  tactic: TACTICS.privilegeEscalation,
  technique: TECHNIQUES.additionalCloudRoles,
  description: 'The AWS-managed AdministratorAccess policy was attached to a user, role or group.',
  triage: ['Confirm the change request.', 'Review what the target did afterwards.'],
  falsePositives: ['Provisioning of admin roles by IaC (check the user agent).'],
  references: [
    'Elastic privilege_escalation_iam_administratoraccess_policy_attached_to_*; Stratus aws.persistence.iam-create-admin-user',
  ],
  kind: 'single',
  configSchema: z.object({ policyArns: z.array(z.string()) }),
  defaultConfig: { policyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'] },
  match: (event, config) =>
    isCall(event, 'iam', NAMES) &&
    succeeded(event) &&
    config.policyArns.includes(textAt(requestOf(event), 'policyArn') ?? ''),
  dedupParts: (event) => [targetName(event, 'userName', 'roleName', 'groupName')],
  summarize: (event) =>
    `${event.principalName} attached AdministratorAccess to ${targetName(event, 'userName', 'roleName', 'groupName')}`,
});
