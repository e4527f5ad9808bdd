import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule, MINUTE_MS } from '../define-rule';
import { identityOf, textAt } from '../helpers/record';

export const consolePasswordSpraying = defineRule({
  id: 'R12',
  slug: 'console-password-spraying',
  title: 'Console password spraying from one IP',
  severity: 'medium',
  tactic: TACTICS.credentialAccess,
  technique: TECHNIQUES.passwordSpraying,
  description:
    'Many failed console sign-ins from one source IP across several user names. Unknown user names are logged as HIDDEN_DUE_TO_SECURITY_REASONS and count as one name.',
  triage: ['List the user names tried.', 'Look for a successful sign-in from the same IP.', 'Block the IP.'],
  falsePositives: ['A shared NAT egress where several people mistype passwords.'],
  references: [
    'Panther AWS.CloudTrail.PasswordSpraying; Sigma aws_cloudtrail_console_login_failed_authentication',
  ],
  kind: 'threshold',
  configSchema: z.object({
    failures: z.number().int().min(1),
    distinctUsers: z.number().int().min(1),
    windowMinutes: z.number().positive(),
  }),
  defaultConfig: { failures: 10, distinctUsers: 3, windowMinutes: 60 },
  filter: (event) =>
    event.eventName === 'ConsoleLogin' &&
    event.consoleLoginOutcome === 'Failure' &&
    event.errorMessage === 'Failed authentication',
  groupBy: (event) => event.sourceIp ?? event.sourceIpRaw,
  windowMs: (config) => config.windowMinutes * MINUTE_MS,
  measure: { type: 'distinct', of: (event) => textAt(identityOf(event), 'userName') ?? event.principalKey },
  threshold: (config) => config.distinctUsers,
  minEvents: (config) => config.failures,
  summarize: (window) =>
    `${window.events.length} failed console sign-ins for ${window.value} user names from ${window.groupKey}`,
});
