import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { isCall, succeeded, targetName } from '../helpers/record';

const NAMES = new Set(['DeactivateMFADevice', 'DeleteVirtualMFADevice']);

export const mfaDeviceRemoved = defineRule({
  id: 'R14',
  slug: 'mfa-device-removed',
  title: 'MFA device deactivated or deleted',
  severity: 'high',
  tactic: TACTICS.defenseEvasion,
  technique: TECHNIQUES.mfaModification,
  description: 'An MFA device was deactivated or deleted, weakening the user to password-only sign-in.',
  triage: ['Confirm with the user (lost device?).', 'Check that a new device is registered soon after.'],
  falsePositives: ['Replacing a lost or broken device.'],
  references: ['Elastic impact_iam_deactivate_mfa_device'],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) => isCall(event, 'iam', NAMES) && succeeded(event),
  dedupParts: (event) => [targetName(event, 'userName', 'serialNumber')],
  summarize: (event) =>
    `${event.eventName} for ${targetName(event, 'userName', 'serialNumber')} by ${event.principalName}`,
});
