import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { requestOf, succeeded, targetName } from '../helpers/record';

export const ecsTaskCredentialTheft = defineRule({
  id: 'X11',
  slug: 'ecs-task-credential-theft',
  title: 'ECS task definition reads the container credentials endpoint',
  severity: 'high',
  tactic: TACTICS.credentialAccess,
  technique: TECHNIQUES.stealAccessToken,
  description:
    'A registered task definition references $AWS_CONTAINER_CREDENTIALS_RELATIVE_URI in its commands: a container built to dump its role credentials.',
  triage: ['Read the container command.', 'Deregister the definition and check tasks run from it.'],
  falsePositives: ['Debug images that print their environment.'],
  references: ['Elastic ECS task-definition credential theft'],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) =>
    event.eventSource === 'ecs.amazonaws.com' &&
    event.eventName === 'RegisterTaskDefinition' &&
    succeeded(event) &&
    JSON.stringify(requestOf(event)?.containerDefinitions ?? '').includes(
      'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
    ),
  summarize: (event) => `Task definition ${targetName(event, 'family')} reads container credentials`,
});
