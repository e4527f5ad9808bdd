import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { isCall, succeeded, targetName } from '../helpers/record';

const NAMES = new Set([
  'DeleteUserPermissionsBoundary',
  'DeleteRolePermissionsBoundary',
  'PutUserPermissionsBoundary',
  'PutRolePermissionsBoundary',
]);

export const permissionsBoundaryChanged = defineRule({
  id: 'R30',
  slug: 'permissions-boundary-changed',
  title: 'Permissions boundary removed or replaced',
  severity: 'medium',
  tactic: TACTICS.privilegeEscalation,
  technique: TECHNIQUES.additionalCloudRoles,
  description: 'A permissions boundary, the ceiling on what a user or role may do, was removed or replaced.',
  triage: ['Compare the old and new boundary.', 'Check who may now do more.'],
  falsePositives: ['Delegated administration changes.'],
  references: ['Elastic privilege_escalation_iam_permissions_boundary_modified'],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) => isCall(event, 'iam', NAMES) && succeeded(event),
  dedupParts: (event) => [targetName(event, 'userName', 'roleName')],
  summarize: (event) =>
    `${event.eventName} on ${targetName(event, 'userName', 'roleName')} by ${event.principalName}`,
});
