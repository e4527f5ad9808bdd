import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { succeeded } from '../helpers/record';

export const sessionTokenByIamUser = defineRule({
  id: 'R24a',
  slug: 'session-token-by-iam-user',
  title: 'Session token minted by an IAM user',
  severity: 'low',
  tactic: TACTICS.defenseEvasion,
  technique: TECHNIQUES.applicationAccessToken,
  description:
    'An IAM user called GetSessionToken. Temporary credentials outlive revoking the long-term key and are used to hide the key id.',
  triage: ['Check whether the user normally needs MFA-backed sessions.', 'Follow the new ASIA key’s use.'],
  falsePositives: ['MFA-enforcing CLI workflows (aws-vault, aws sts get-session-token).'],
  references: ['Sigma aws_sts_getsessiontoken_misuse'],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) =>
    event.eventSource === 'sts.amazonaws.com' &&
    event.eventName === 'GetSessionToken' &&
    event.principalType === 'IAMUser' &&
    succeeded(event),
  dedupWindowMs: () => 24 * 3_600_000,
  summarize: (event) => `${event.principalName} minted a session token from ${event.sourceIpRaw ?? '?'}`,
});
