import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { requestOf, succeeded, textAt } from '../helpers/record';

export const rootAccessKeyCreated = defineRule({
  id: 'R04',
  slug: 'root-access-key-created',
  title: 'Access key created for the root user',
  severity: 'critical',
  tactic: TACTICS.persistence,
  technique: TECHNIQUES.additionalCloudCredentials,
  description:
    'Root created an access key for itself. Root keys give unrestricted programmatic access and AWS advises never to have one.',
  triage: [
    'Deactivate and delete the key unless its owner can justify it.',
    'Review root activity around it.',
  ],
  falsePositives: ['Practically none.'],
  references: ['Panther AWS.CloudTrail.RootAccessKeyCreated'],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  // With no userName the key is for the caller itself.
  match: (event) =>
    event.principalType === 'Root' &&
    event.eventName === 'CreateAccessKey' &&
    succeeded(event) &&
    textAt(requestOf(event), 'userName') === null,
  summarize: (event) => `Root created an access key for itself from ${event.sourceIpRaw ?? '?'}`,
});
