import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';

// The console federation endpoint calls GetSigninToken itself with this (unexpanded) user agent.
// biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text AWS logs, not a template.
const CONSOLE_AGENT = 'Jersey/${project.version}';

export const getSigninTokenAbuse = defineRule({
  id: 'R16',
  slug: 'get-signin-token-abuse',
  title: 'Console sign-in token minted from API credentials',
  severity: 'medium',
  tactic: TACTICS.lateralMovement,
  technique: TECHNIQUES.applicationAccessToken,
  description:
    'GetSigninToken turns CLI/API credentials into a console session, a known pivot for stolen keys (e.g. aws_consoler).',
  triage: ['Check which credentials were used and from where.', 'Review console actions that follow.'],
  falsePositives: ['Internal federation brokers; add their user agent to the allow-list.'],
  references: ['Sigma aws_console_getsignintoken; Panther AWS.Console.GetSigninToken.Abuse'],
  kind: 'single',
  configSchema: z.object({ allowedUserAgents: z.array(z.string()) }),
  defaultConfig: { allowedUserAgents: [] },
  match: (event, config) => {
    if (event.eventSource !== 'signin.amazonaws.com' || event.eventName !== 'GetSigninToken') return false;
    const agent = event.userAgent ?? '';
    return (
      !agent.includes(CONSOLE_AGENT) && !config.allowedUserAgents.some((allowed) => agent.includes(allowed))
    );
  },
  summarize: (event) =>
    `${event.principalName} minted a console sign-in token (${event.userAgentDetail ?? '?'})`,
});
