import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule, MINUTE_MS } from '../define-rule';

export const rootConsoleBruteForce = defineRule({
  id: 'R03',
  slug: 'root-console-brute-force',
  title: 'Repeated failed root console sign-ins',
  severity: 'high',
  tactic: TACTICS.credentialAccess,
  technique: TECHNIQUES.passwordGuessing,
  description: 'Several failed root sign-ins in a short window: someone is guessing the root password.',
  triage: ['List the source IPs of the failures.', 'Look for a later successful root sign-in (R02).'],
  falsePositives: ['An owner who forgot the password (few IPs, stops after a reset).'],
  references: ['Panther AWS.Console.RootLoginFailed (5 in 15 min)'],
  kind: 'threshold',
  configSchema: z.object({ failures: z.number().int().min(1), windowMinutes: z.number().positive() }),
  defaultConfig: { failures: 5, windowMinutes: 15 },
  filter: (event) =>
    event.principalType === 'Root' &&
    event.eventName === 'ConsoleLogin' &&
    event.consoleLoginOutcome === 'Failure',
  groupBy: (event) => event.recipientAccountId,
  windowMs: (config) => config.windowMinutes * MINUTE_MS,
  measure: { type: 'count' },
  threshold: (config) => config.failures,
  summarize: (window) => `${window.value} failed root console sign-ins`,
});
