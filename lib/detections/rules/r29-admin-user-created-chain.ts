import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule, MINUTE_MS } from '../define-rule';
import { isCall, requestOf, succeeded, textAt } from '../helpers/record';

const GRANTS = new Set(['AttachUserPolicy', 'PutUserPolicy', 'AddUserToGroup']);
const CREDENTIALS = new Set(['CreateAccessKey', 'CreateLoginProfile']);
const actorAndTarget = (event: Parameters<typeof requestOf>[0]) => {
  const target = textAt(requestOf(event), 'userName');
  return target ? `${event.principalKey}>${target}` : null;
};

export const adminUserCreatedChain = defineRule({
  id: 'R29',
  slug: 'admin-user-created-chain',
  title: 'User created, given permissions and credentials',
  severity: 'high',
  tactic: TACTICS.persistence,
  technique: TECHNIQUES.createCloudAccount,
  description:
    'One actor created an IAM user, granted it permissions and created a key or console password for it within 30 minutes: a backdoor account.',
  triage: ['Check the permissions granted.', 'Disable the user if nobody asked for it.'],
  falsePositives: ['Onboarding scripts (usually IaC user agents and a naming convention).'],
  references: [
    'Stratus aws.persistence.iam-create-admin-user; Panther correlation aws_create_admin_iam_user',
  ],
  kind: 'sequence',
  configSchema: z.object({ windowMinutes: z.number().positive() }),
  defaultConfig: { windowMinutes: 30 },
  steps: [
    {
      name: 'CreateUser',
      match: (event) =>
        event.eventSource === 'iam.amazonaws.com' && event.eventName === 'CreateUser' && succeeded(event),
      joinKey: actorAndTarget,
    },
    {
      name: 'grant',
      match: (event) => isCall(event, 'iam', GRANTS) && succeeded(event),
      joinKey: actorAndTarget,
    },
    {
      name: 'credentials',
      match: (event) => isCall(event, 'iam', CREDENTIALS) && succeeded(event),
      joinKey: actorAndTarget,
    },
  ],
  windowMs: (config) => config.windowMinutes * MINUTE_MS,
  summarize: (chain) =>
    `${chain[0]?.principalName} created user ${chain[0] ? textAt(requestOf(chain[0]), 'userName') : '?'}, granted ${chain[1]?.eventName} and ${chain[2]?.eventName}`,
});
