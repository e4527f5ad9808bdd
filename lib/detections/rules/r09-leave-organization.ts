import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';

export const leaveOrganization = defineRule({
  id: 'R09',
  slug: 'leave-organization',
  title: 'Attempt to leave the AWS Organization',
  severity: 'high',
  tactic: TACTICS.defenseEvasion,
  technique: TECHNIQUES.modifyCloudHierarchy,
  description:
    'LeaveOrganization removes the account from organisation SCPs and central logging. Failed attempts matter as much as successful ones.',
  triage: ['Find who called it and how they got the credentials.', 'Check SCPs still deny it.'],
  falsePositives: ['A planned account migration between organisations.'],
  references: [
    'Elastic defense_evasion_organizations_leave_organization; Stratus aws.defense-evasion.organizations-leave',
  ],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) =>
    event.eventSource === 'organizations.amazonaws.com' && event.eventName === 'LeaveOrganization',
  summarize: (event) =>
    `${event.principalName} tried to leave the organization${event.errorCode ? ` (${event.errorCode})` : ''}`,
});
