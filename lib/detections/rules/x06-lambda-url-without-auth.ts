import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { requestOf, succeeded, targetName, textAt } from '../helpers/record';

const NAMES = new Set(['CreateFunctionUrlConfig', 'UpdateFunctionUrlConfig']);

export const lambdaUrlWithoutAuth = defineRule({
  id: 'X06',
  slug: 'lambda-url-without-auth',
  title: 'Lambda function URL without authentication',
  severity: 'medium',
  tactic: TACTICS.persistence,
  technique: TECHNIQUES.eventTriggeredExecution,
  description: 'A function URL with authType NONE: anyone on the internet can invoke the function.',
  triage: ['Check what the function can reach.', 'Switch to AWS_IAM auth if not public by design.'],
  falsePositives: ['Public webhooks.'],
  references: ['Elastic persistence_lambda_function_url_created_with_no_auth'],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) =>
    event.eventSource === 'lambda.amazonaws.com' &&
    NAMES.has(event.eventName ?? '') &&
    succeeded(event) &&
    textAt(requestOf(event), 'authType') === 'NONE',
  summarize: (event) => `Unauthenticated URL on ${targetName(event, 'functionName')}`,
});
