import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { targetName } from '../helpers/record';

export const ec2PasswordDataRetrieved = defineRule({
  id: 'X09',
  slug: 'ec2-password-data-retrieved',
  title: 'Windows administrator password data requested',
  severity: 'medium',
  tactic: TACTICS.credentialAccess,
  technique: TECHNIQUES.instanceMetadataApi,
  description:
    'ec2:GetPasswordData returns the encrypted Windows administrator password. Attempts count: Stratus-style sweeps fail on most instances.',
  triage: ['Check who needs RDP to the instance.', 'Rotate the local administrator password.'],
  falsePositives: ['Administrators connecting to Windows instances.'],
  references: ['Stratus aws.credential-access.ec2-get-password-data'],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) => event.eventSource === 'ec2.amazonaws.com' && event.eventName === 'GetPasswordData',
  summarize: (event) =>
    `${event.principalName} requested password data of ${targetName(event, 'instanceId')}${event.errorCode ? ` (${event.errorCode})` : ''}`,
});
