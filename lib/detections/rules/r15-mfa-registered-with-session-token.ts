import { z } from 'zod';
import { bool } from '@/lib/cloudtrail/fields';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { isCall } from '../helpers/record';

const NAMES = new Set(['CreateVirtualMFADevice', 'EnableMFADevice']);

export const mfaRegisteredWithSessionToken = defineRule({
  id: 'R15',
  slug: 'mfa-registered-with-session-token',
  title: 'MFA device registered with temporary CLI credentials',
  severity: 'high',
  tactic: TACTICS.persistence,
  technique: TECHNIQUES.deviceRegistration,
  description:
    'A virtual MFA device was created or enabled with temporary (ASIA) credentials outside the console: an attacker with stolen session keys locking in their own MFA.',
  triage: ['Identify who owns the device serial.', 'Check where the session credentials came from.'],
  falsePositives: ['Automation that enrols MFA for new users.'],
  references: ['Elastic persistence_aws_attempt_to_register_virtual_mfa_device'],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) =>
    isCall(event, 'iam', NAMES) &&
    (event.accessKeyId ?? '').startsWith('ASIA') &&
    bool(event.raw.sessionCredentialFromConsole) !== true,
  summarize: (event) => `${event.eventName} by ${event.principalName} with session key ${event.accessKeyId}`,
});
