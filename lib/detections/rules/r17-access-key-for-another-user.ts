import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { requestOf, responseOf, succeeded, textAt } from '../helpers/record';

// The caller's own user (ARNs carry the path: user/ops/dana), compared by the last segment.
function isOwnUser(arn: string | null, userName: string): boolean {
  return (arn ?? '').includes(':user/') && arn?.split('/').pop() === userName;
}

export const accessKeyForAnotherUser = defineRule({
  id: 'R17',
  slug: 'access-key-for-another-user',
  title: 'Access key created for another user',
  severity: 'high',
  tactic: TACTICS.persistence,
  technique: TECHNIQUES.additionalCloudCredentials,
  description:
    'A principal created an access key for a different IAM user: a classic backdoor that survives the attacker losing their own credentials.',
  triage: [
    'Ask the target user whether they requested the key.',
    'Look for use of the new key (R19) and deactivate it if unexplained.',
  ],
  falsePositives: ['Administrators provisioning keys for service users.'],
  references: [
    'Elastic persistence_iam_user_created_access_keys_for_another_user',
    'Stratus aws.persistence.iam-backdoor-user',
    'Sigma aws_iam_backdoor_users_keys compares a literal string; this rule compares the names',
  ],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) => {
    if (event.eventSource !== 'iam.amazonaws.com' || event.eventName !== 'CreateAccessKey') return false;
    if (!succeeded(event)) return false;
    const target = textAt(responseOf(event), 'accessKey', 'userName') ?? textAt(requestOf(event), 'userName');
    return target !== null && !isOwnUser(event.principalArn, target);
  },
  dedupParts: (event) => [textAt(responseOf(event), 'accessKey', 'userName') ?? '?'],
  summarize: (event) =>
    `${event.principalName} created access key ${textAt(responseOf(event), 'accessKey', 'accessKeyId') ?? '?'} for ${textAt(responseOf(event), 'accessKey', 'userName') ?? textAt(requestOf(event), 'userName')}`,
});
