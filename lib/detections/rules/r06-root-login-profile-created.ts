import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { requestOf, succeeded, textAt } from '../helpers/record';

export const rootLoginProfileCreated = defineRule({
  id: 'R06',
  slug: 'root-login-profile-created',
  title: 'Console password added for root',
  severity: 'high',
  tactic: TACTICS.persistence,
  technique: TECHNIQUES.accountManipulation,
  description:
    'CreateLoginProfile without a userName, called by root: a console password was set for root itself (e.g. with centrally managed root credentials).',
  triage: ['Confirm the change with the account owner.', 'Look for a root console sign-in afterwards.'],
  falsePositives: ['Recovering an organisation member account on purpose.'],
  references: ['Elastic persistence_iam_create_login_profile_for_root'],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) =>
    event.principalType === 'Root' &&
    event.eventName === 'CreateLoginProfile' &&
    succeeded(event) &&
    textAt(requestOf(event), 'userName') === null,
  summarize: () => 'A console password was created for root',
});
