import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { boolAt, numberAt, requestOf, succeeded } from '../helpers/record';

// CloudTrail cannot show the previous policy, so "weaker" is judged against a configured floor.
export const passwordPolicyWeakened = defineRule({
  id: 'R10',
  slug: 'password-policy-weakened',
  title: 'Account password policy deleted or weakened',
  severity: 'medium',
  tactic: TACTICS.defenseEvasion,
  technique: TECHNIQUES.modifyAuthentication,
  description:
    'The IAM account password policy was deleted, or set below the configured floor (length, symbols, maximum age).',
  triage: ['Compare with the organisation baseline.', 'Restore the policy if the change was not approved.'],
  falsePositives: ['Policy updates that only tighten other settings (reported as low).'],
  references: [
    'GuardDuty Stealth:IAMUser/PasswordPolicyChange; Elastic defense_evasion_iam_account_password_policy_deleted',
  ],
  kind: 'single',
  configSchema: z.object({
    minimumLength: z.number().int().min(6),
    maximumAgeDays: z.number().int().positive(),
  }),
  defaultConfig: { minimumLength: 14, maximumAgeDays: 90 },
  match: (event, config) => {
    if (event.eventSource !== 'iam.amazonaws.com' || !succeeded(event)) return false;
    if (event.eventName === 'DeleteAccountPasswordPolicy') return true;
    if (event.eventName !== 'UpdateAccountPasswordPolicy') return false;
    const request = requestOf(event);
    const length = numberAt(request, 'minimumPasswordLength');
    const maxAge = numberAt(request, 'maxPasswordAge');
    const weak =
      (length !== null && length < config.minimumLength) ||
      boolAt(request, 'requireSymbols') === false ||
      maxAge === null ||
      maxAge > config.maximumAgeDays;
    return weak ? true : { severity: 'low', summary: 'Account password policy updated' };
  },
  summarize: (event) =>
    event.eventName === 'DeleteAccountPasswordPolicy'
      ? 'Account password policy deleted'
      : 'Account password policy set below the configured floor',
});
