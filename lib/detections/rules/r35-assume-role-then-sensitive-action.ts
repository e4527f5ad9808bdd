import { z } from 'zod';
import type { NormalizedEvent } from '@/lib/cloudtrail/types';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule, MINUTE_MS } from '../define-rule';
import { responseOf, succeeded, textAt } from '../helpers/record';

const SENSITIVE_SOURCES = new Set([
  'iam.amazonaws.com',
  'organizations.amazonaws.com',
  'cloudtrail.amazonaws.com',
]);
const SENSITIVE_NAME_RE =
  /^(CreateAccessKey|Put\w*Policy|Attach\w*Policy|Delete\w*|Stop\w*Logging|LeaveOrganization|UpdateAssumeRolePolicy|CreateLoginProfile|UpdateLoginProfile)$/;

function isSensitive(event: NormalizedEvent): boolean {
  if (event.readOnly === true) return false;
  if (SENSITIVE_NAME_RE.test(event.eventName ?? '')) return true;
  return SENSITIVE_SOURCES.has(event.eventSource ?? '') && event.readOnly === false;
}

// Part (a) of the anchor, "writes the role never made before", needs per-role history and is left
// to a first-seen rule fed by the database; this covers part (b), sensitive calls.
export const assumeRoleThenSensitiveAction = defineRule({
  id: 'R35',
  slug: 'assume-role-then-sensitive-action',
  title: 'Assumed-role session made sensitive changes',
  severity: 'high',
  tactic: TACTICS.privilegeEscalation,
  technique: TECHNIQUES.temporaryElevatedAccess,
  description:
    'Within an hour of AssumeRole, the new session (joined on the issued access key id) made IAM, Organizations or CloudTrail writes, or deleted something. Attempts count: denied sensitive calls are reported too.',
  triage: ['Review the session’s calls.', 'Check why the caller assumed this role.'],
  falsePositives: ['Deployment roles (exclude them by role name in the caller’s pipeline).'],
  references: ['Article (AssumeRole followed by unusual actions); GuardDuty AnomalousBehavior'],
  kind: 'sequence',
  configSchema: z.object({ windowMinutes: z.number().positive() }),
  defaultConfig: { windowMinutes: 60 },
  steps: [
    {
      name: 'AssumeRole',
      match: (event) =>
        event.eventSource === 'sts.amazonaws.com' && event.eventName === 'AssumeRole' && succeeded(event),
      joinKey: (event) => textAt(responseOf(event), 'credentials', 'accessKeyId'),
    },
    { name: 'sensitive call', match: isSensitive, joinKey: (event) => event.accessKeyId },
  ],
  windowMs: (config) => config.windowMinutes * MINUTE_MS,
  correlate: ([, action]) => (action && !succeeded(action) ? { severity: 'medium' } : true),
  summarize: ([assumed, action]) =>
    `Session of ${textAt(responseOf(assumed as NormalizedEvent), 'assumedRoleUser', 'arn') ?? '?'} (by ${assumed?.principalName}) ran ${action?.eventName}${action?.errorCode ? ` (${action.errorCode})` : ''}`,
});
