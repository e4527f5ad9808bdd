import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { succeeded } from '../helpers/record';

export const cloudshellEnvironmentCreated = defineRule({
  id: 'X12',
  slug: 'cloudshell-environment-created',
  title: 'CloudShell environment created',
  severity: 'low',
  tactic: TACTICS.execution,
  technique: TECHNIQUES.cloudApi,
  description:
    'A CloudShell environment was created: a ready-made shell with the console user’s credentials.',
  triage: [
    'Check whether the user normally uses CloudShell.',
    'Review the commands it ran (aws-cli exec-env/CloudShell).',
  ],
  falsePositives: ['Engineers who use CloudShell.'],
  references: ['Elastic execution_cloudshell_environment_created'],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) =>
    event.eventSource === 'cloudshell.amazonaws.com' &&
    event.eventName === 'CreateEnvironment' &&
    succeeded(event),
  dedupWindowMs: () => 24 * 3_600_000,
  summarize: (event) => `${event.principalName} created a CloudShell environment`,
});
