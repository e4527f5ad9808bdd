import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { responseOf, succeeded, textAt } from '../helpers/record';

export const rootPasswordRecovery = defineRule({
  id: 'R05',
  slug: 'root-password-recovery',
  title: 'Root password recovery requested or password changed',
  severity: 'high',
  tactic: TACTICS.persistence,
  technique: TECHNIQUES.accountManipulation,
  description:
    'A root password reset was requested or the root password changed: the first step of taking over the account via its e-mail.',
  triage: ['Confirm with the owner of the root e-mail address.', 'Check for a root sign-in afterwards.'],
  falsePositives: ['Planned password rotation.'],
  references: ['Elastic initial_access_password_recovery; Panther AWS.CloudTrail.RootPasswordChanged'],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) => {
    if (event.eventSource !== 'signin.amazonaws.com') return false;
    if (event.eventName === 'PasswordRecoveryRequested') return succeeded(event);
    return (
      event.eventName === 'PasswordUpdated' &&
      event.principalType === 'Root' &&
      textAt(responseOf(event), 'PasswordUpdated') === 'Success'
    );
  },
  summarize: (event) =>
    event.eventName === 'PasswordUpdated' ? 'Root password changed' : 'Root password recovery requested',
});
