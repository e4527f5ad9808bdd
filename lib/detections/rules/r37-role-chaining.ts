import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { DAY_MS, defineRule } from '../define-rule';
import { requestOf, succeeded, textAt } from '../helpers/record';

export const roleChaining = defineRule({
  id: 'R37',
  slug: 'role-chaining',
  title: 'New role-chaining pair',
  severity: 'medium',
  tactic: TACTICS.privilegeEscalation,
  technique: TECHNIQUES.temporaryElevatedAccess,
  description:
    'A role session assumed another role, and this (source role, target role) pair is new for the account. Chaining hides the original identity.',
  triage: [
    'Follow the chain back to the first identity (sourceIdentity helps).',
    'Check the target role’s rights.',
  ],
  falsePositives: ['Hub-and-spoke deployment roles.'],
  references: ['Elastic privilege_escalation_sts_role_chaining'],
  kind: 'firstSeen',
  feature: 'role-chain',
  scope: 'account',
  configSchema: z.object({ baselineDays: z.number().positive() }),
  defaultConfig: { baselineDays: 10 },
  filter: (event) =>
    event.eventSource === 'sts.amazonaws.com' &&
    event.eventName === 'AssumeRole' &&
    event.principalType === 'AssumedRole' &&
    event.invokedBy === null &&
    succeeded(event),
  value: (event) => {
    const target = textAt(requestOf(event), 'roleArn');
    return target && event.baseRoleArn ? `${event.baseRoleArn} -> ${target}` : null;
  },
  baselineMs: (config) => config.baselineDays * DAY_MS,
  summarize: (event, [pair]) => `New role chain ${pair} (session ${event.sessionName ?? '?'})`,
});
