import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { succeeded, targetName } from '../helpers/record';

const NAMES = new Set(['SendSSHPublicKey', 'SendSerialConsoleSSHPublicKey', 'EnableSerialConsoleAccess']);

export const ec2InstanceConnectKeyPushed = defineRule({
  id: 'X03',
  slug: 'ec2-instance-connect-key-pushed',
  title: 'SSH key pushed through EC2 Instance Connect or serial console',
  severity: 'medium',
  tactic: TACTICS.lateralMovement,
  technique: TECHNIQUES.cloudVmConnections,
  description:
    'An SSH public key was pushed to an instance (Instance Connect or serial console), or serial console access was enabled.',
  triage: ['Check the instance and OS user.', 'Confirm the operator.'],
  falsePositives: ['Operators using Instance Connect from the console.'],
  references: ['Stratus ec2-instance-connect, ec2-serial-console-send-ssh-public-key'],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) =>
    (event.eventSource === 'ec2-instance-connect.amazonaws.com' ||
      event.eventSource === 'ec2.amazonaws.com') &&
    NAMES.has(event.eventName ?? '') &&
    succeeded(event),
  dedupParts: (event) => [targetName(event, 'instanceId')],
  summarize: (event) => `${event.eventName} (${targetName(event, 'instanceId')}) by ${event.principalName}`,
});
