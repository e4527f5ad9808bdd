import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { DAY_MS, defineRule } from '../define-rule';
import { identityOf, requestOf, succeeded, textAt } from '../helpers/record';

export const roleUsedWithSeveralAgents = defineRule({
  id: 'R38',
  slug: 'role-used-with-several-agents',
  title: 'One caller assumed a role with several user agents',
  severity: 'low',
  tactic: TACTICS.defenseEvasion,
  technique: TECHNIQUES.cloudAccounts,
  description:
    'The same caller assumed the same role with more than one user agent in a day: a second tool (or person) is using the caller’s credentials.',
  triage: ['Compare the user agents and source IPs.'],
  falsePositives: ['SDK upgrades, a person using both CLI and console.'],
  references: ['Panther query anomalous_role_assume_query'],
  kind: 'threshold',
  eventNames: ['AssumeRole'],
  configSchema: z.object({ userAgents: z.number().int().min(2), windowDays: z.number().positive() }),
  defaultConfig: { userAgents: 2, windowDays: 1 },
  filter: (event) =>
    event.eventSource === 'sts.amazonaws.com' &&
    event.eventName === 'AssumeRole' &&
    succeeded(event) &&
    event.userAgent !== null &&
    event.userAgent !== 'AWS Internal',
  groupBy: (event) => {
    const role = textAt(requestOf(event), 'roleArn');
    const caller = textAt(identityOf(event), 'principalId') ?? event.principalKey;
    return role ? `${role}|${caller}` : null;
  },
  windowMs: (config) => config.windowDays * DAY_MS,
  measure: { type: 'distinct', of: (event) => event.userAgent },
  threshold: (config) => config.userAgents,
  summarize: (window) => `${window.value} user agents assumed ${window.groupKey.split('|')[0]}`,
});
