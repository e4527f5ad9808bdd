import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { requestOf, succeeded, textAt } from '../helpers/record';

// "Dormant for 30 days" needs key-usage history, which the database runner can add through a
// first-seen baseline later; in-batch we report every re-activation and foreign deactivation.
export const accessKeyStatusChanged = defineRule({
  id: 'R20',
  slug: 'access-key-status-changed',
  title: 'Access key re-activated, or disabled by someone else',
  severity: 'medium',
  tactic: TACTICS.persistence,
  technique: TECHNIQUES.additionalCloudCredentials,
  description:
    'UpdateAccessKey set a key Active (reviving an old key is a quiet backdoor) or set another user’s key Inactive (possible lockout).',
  triage: ['Check when the key was last used before this.', 'Ask the key owner.'],
  falsePositives: ['Key rotation procedures.'],
  references: ['TrailDiscover iam:UpdateAccessKey'],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) => {
    if (event.eventSource !== 'iam.amazonaws.com' || event.eventName !== 'UpdateAccessKey') return false;
    if (!succeeded(event)) return false;
    const request = requestOf(event);
    const status = textAt(request, 'status');
    if (status === 'Active') return true;
    const owner = textAt(request, 'userName');
    const byOwner = owner === null || event.principalArn?.split('/').pop() === owner;
    return status === 'Inactive' && !byOwner
      ? { severity: 'low', summary: `Key of ${owner} disabled by ${event.principalName}` }
      : false;
  },
  dedupParts: (event) => [textAt(requestOf(event), 'accessKeyId') ?? '?'],
  summarize: (event) =>
    `Access key ${textAt(requestOf(event), 'accessKeyId')} re-activated by ${event.principalName}`,
});
