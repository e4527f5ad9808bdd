import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { at, isInfrastructureAsCode, requestOf, succeeded, targetName } from '../helpers/record';

export const lambdaCodeOrLayerChanged = defineRule({
  id: 'X05',
  slug: 'lambda-code-or-layer-changed',
  title: 'Lambda code replaced or layer added outside IaC',
  severity: 'low',
  tactic: TACTICS.persistence,
  technique: TECHNIQUES.eventTriggeredExecution,
  description:
    'UpdateFunctionCode, or UpdateFunctionConfiguration that sets layers, from a non-IaC client: code that runs with the function role.',
  triage: ['Diff the code hash against your pipeline’s.', 'Check the layer’s owner account.'],
  falsePositives: ['Manual hot-fixes, deployment tools not recognised as IaC.'],
  references: ['Stratus lambda-overwrite-code, lambda-layer-extension'],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) => {
    if (event.eventSource !== 'lambda.amazonaws.com' || !succeeded(event) || isInfrastructureAsCode(event))
      return false;
    if (event.eventName === 'UpdateFunctionCode') return true;
    return event.eventName === 'UpdateFunctionConfiguration' && at(requestOf(event), 'layers') !== undefined
      ? { severity: 'medium' }
      : false;
  },
  dedupParts: (event) => [targetName(event, 'functionName')],
  summarize: (event) =>
    `${event.eventName} on ${targetName(event, 'functionName')} by ${event.principalName}`,
});
