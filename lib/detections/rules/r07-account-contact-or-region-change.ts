import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { isCall, succeeded, targetName } from '../helpers/record';

// Account Management API operation names (the anchor marks all but EnableRegion as inferred).
const NAMES = new Set([
  'PutAlternateContact',
  'DeleteAlternateContact',
  'PutContactInformation',
  'EnableRegion',
  'DisableRegion',
]);

export const accountContactOrRegionChange = defineRule({
  id: 'R07',
  slug: 'account-contact-or-region-change',
  title: 'Account contacts or opt-in regions changed',
  severity: 'medium',
  tactic: TACTICS.persistence,
  technique: TECHNIQUES.accountManipulation,
  description:
    'Account-level contacts or opt-in regions changed. Attackers redirect security contacts and enable unused regions to hide resources.',
  triage: ['Confirm with the account owner.', 'For EnableRegion, look for activity in that region (R45).'],
  falsePositives: ['Administrators updating contacts or enabling a region for a project.'],
  references: ['Sigma aws_cloudtrail_region_enabled; Panther AWS.CloudTrail.EnableRegion'],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) => isCall(event, 'account', NAMES) && succeeded(event),
  summarize: (event) =>
    `${event.eventName} (${targetName(event, 'regionName', 'alternateContactType')}) by ${event.principalName}`,
});
