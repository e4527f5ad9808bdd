import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { externalAccounts } from '../helpers/accounts';
import { accountOfPrincipal } from '../helpers/policy';
import { requestOf, succeeded, targetName, textAt } from '../helpers/record';

export const lambdaPermissionPublicOrExternal = defineRule({
  id: 'X04',
  slug: 'lambda-permission-public-or-external',
  title: 'Lambda function invocable by anyone or an external account',
  severity: 'high',
  tactic: TACTICS.persistence,
  technique: TECHNIQUES.eventTriggeredExecution,
  description:
    'AddPermission with principal "*" or an external account lets outsiders invoke the function (a backdoor).',
  triage: ['Read the statement added.', 'Remove it if not a public API.'],
  falsePositives: ['Public function URLs or partner integrations.'],
  references: ['Stratus aws.persistence.lambda-backdoor-function'],
  kind: 'single',
  configSchema: z.object({ knownAccountIds: z.array(z.string()) }),
  defaultConfig: { knownAccountIds: [] },
  match: (event, config) => {
    if (
      event.eventSource !== 'lambda.amazonaws.com' ||
      event.eventName !== 'AddPermission' ||
      !succeeded(event)
    ) {
      return false;
    }
    const principal = textAt(requestOf(event), 'principal') ?? '';
    if (principal === '*') return true;
    const account = accountOfPrincipal(principal);
    return account !== null && externalAccounts([account], event, config.knownAccountIds).length > 0;
  },
  dedupParts: (event) => [targetName(event, 'functionName')],
  summarize: (event) =>
    `${targetName(event, 'functionName')} invocable by ${textAt(requestOf(event), 'principal')}`,
});
