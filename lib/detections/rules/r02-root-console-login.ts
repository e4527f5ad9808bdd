import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';

export const rootConsoleLogin = defineRule({
  id: 'R02',
  slug: 'root-console-login',
  title: 'Root console sign-in',
  severity: 'high',
  tactic: TACTICS.initialAccess,
  technique: TECHNIQUES.cloudAccounts,
  description: 'Someone signed in to the console as the root user.',
  triage: [
    'Verify the sign-in with the account owner and the source IP.',
    'Check additionalEventData.MFAUsed and what root did afterwards.',
  ],
  falsePositives: ['Documented break-glass use.'],
  references: ['Elastic initial_access_console_login_root; Panther AWS.Console.RootLogin'],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) =>
    event.principalType === 'Root' &&
    event.eventName === 'ConsoleLogin' &&
    event.consoleLoginOutcome === 'Success',
  summarize: (event) => `Root signed in to the console from ${event.sourceIpRaw ?? '?'}`,
});
