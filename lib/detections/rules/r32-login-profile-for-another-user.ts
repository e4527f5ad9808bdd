import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { isCall, requestOf, succeeded, textAt } from '../helpers/record';

const NAMES = new Set(['CreateLoginProfile', 'UpdateLoginProfile']);

export const loginProfileForAnotherUser = defineRule({
  id: 'R32',
  slug: 'login-profile-for-another-user',
  title: 'Console password set for another user',
  severity: 'high',
  tactic: TACTICS.privilegeEscalation,
  technique: TECHNIQUES.accountManipulation,
  description:
    'A principal created or changed the console password of a different IAM user, gaining console access as that user.',
  triage: ['Ask the target user.', 'Look for a console sign-in as the target afterwards.'],
  falsePositives: ['Help-desk password resets.'],
  references: [
    'Sigma aws_update_login_profile; Stratus aws.privilege-escalation.iam-update-user-login-profile',
  ],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) => {
    if (!isCall(event, 'iam', NAMES) || !succeeded(event)) return false;
    const target = textAt(requestOf(event), 'userName');
    return target !== null && event.principalArn?.split('/').pop() !== target;
  },
  dedupParts: (event) => [textAt(requestOf(event), 'userName') ?? '?'],
  summarize: (event) =>
    `${event.principalName} ran ${event.eventName} for ${textAt(requestOf(event), 'userName')}`,
});
