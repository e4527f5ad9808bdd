import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { extraOf, identityOf, textAt } from '../helpers/record';

export const consoleLoginWithoutMfa = defineRule({
  id: 'R11',
  slug: 'console-login-without-mfa',
  title: 'Console sign-in without MFA',
  severity: 'medium',
  tactic: TACTICS.initialAccess,
  technique: TECHNIQUES.cloudAccounts,
  description:
    'A successful password-only console sign-in. A leaked password alone is then enough to take over the user.',
  triage: [
    'Check whether the user has an MFA device at all.',
    'Verify the source IP and user agent with the user.',
    'Enforce MFA with an IAM condition on aws:MultiFactorAuthPresent.',
  ],
  falsePositives: ['Federated/SSO sign-ins (excluded here: MFA happens at the IdP).'],
  references: ['Sigma aws_cloudtrail_console_login_success_without_mfa; Panther AWS.Console.LoginWithoutMFA'],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) => {
    if (event.eventName !== 'ConsoleLogin' || event.consoleLoginOutcome !== 'Success') return false;
    const extra = extraOf(event);
    if (textAt(extra, 'MFAUsed') === 'Yes' || textAt(extra, 'SamlProviderArn') !== null) return false;
    if ((event.principalArn ?? '').includes('AWSReservedSSO')) return false;
    const sessionMfa = textAt(identityOf(event), 'sessionContext', 'attributes', 'mfaAuthenticated');
    if (sessionMfa === 'true') return false;
    return event.principalType === 'Root' ? { severity: 'high' } : true;
  },
  summarize: (event) => `${event.principalName} signed in without MFA from ${event.sourceIpRaw ?? '?'}`,
});
