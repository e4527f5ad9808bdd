import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { DAY_MS, defineRule } from '../define-rule';
import { isServicePrincipal, requestOf, succeeded, textAt } from '../helpers/record';

export const privilegedRoleNewCaller = defineRule({
  id: 'R33',
  slug: 'privileged-role-new-caller',
  title: 'Privileged role assumed by a new caller',
  severity: 'high',
  tactic: TACTICS.privilegeEscalation,
  technique: TECHNIQUES.temporaryElevatedAccess,
  description:
    'A principal assumed a role whose name marks it as privileged (Admin, OrganizationAccountAccessRole, PowerUser, break-glass) for the first time in the baseline window.',
  triage: ['Confirm the caller should hold this role.', 'Review the session’s actions (R35).'],
  falsePositives: ['New team members, new automation.'],
  references: ['Elastic privilege_escalation_role_assumption_by_user (new_terms caller + role)'],
  kind: 'firstSeen',
  feature: 'assumed-role',
  scope: 'principal',
  configSchema: z.object({ privilegedRolePattern: z.string(), baselineDays: z.number().positive() }),
  defaultConfig: {
    privilegedRolePattern: 'Admin|OrganizationAccountAccessRole|PowerUser|root|break-?glass',
    baselineDays: 7,
  },
  filter: (event, config) =>
    event.eventSource === 'sts.amazonaws.com' &&
    event.eventName === 'AssumeRole' &&
    succeeded(event) &&
    !isServicePrincipal(event) &&
    new RegExp(config.privilegedRolePattern, 'i').test(
      (textAt(requestOf(event), 'roleArn') ?? '').split('/').pop() ?? '',
    ),
  value: (event) => textAt(requestOf(event), 'roleArn'),
  baselineMs: (config) => config.baselineDays * DAY_MS,
  summarize: (event, [role]) => `${event.principalName} assumed privileged role ${role} for the first time`,
});
