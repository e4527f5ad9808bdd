import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { requestOf, textAt } from '../helpers/record';

const QUARANTINE_RE = /AWSCompromisedKeyQuarantine|AWSExposedCredentialPolicy_DO_NOT_REMOVE/;

export const compromisedKeyQuarantine = defineRule({
  id: 'R23',
  slug: 'compromised-key-quarantine',
  title: 'AWS quarantined an exposed access key',
  severity: 'high',
  tactic: TACTICS.credentialAccess,
  technique: TECHNIQUES.credentialsInFiles,
  description:
    'AWS attached its quarantine policy to a user because one of its keys was found in public (e.g. a GitHub commit).',
  triage: ['Rotate the key.', 'Find where it leaked.', 'Review everything the key did since the leak.'],
  falsePositives: ['None: AWS only does this for exposed keys.'],
  references: [
    'Panther AWS.IAM.AccessKeyCompromised; Elastic credential_access_iam_compromisedkeyquarantine_policy_attached_to_user',
  ],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) => {
    if (event.eventName !== 'PutUserPolicy' && event.eventName !== 'AttachUserPolicy') return false;
    const request = requestOf(event);
    return QUARANTINE_RE.test(`${textAt(request, 'policyName') ?? ''} ${textAt(request, 'policyArn') ?? ''}`);
  },
  summarize: (event) => `Quarantine policy attached to ${textAt(requestOf(event), 'userName') ?? '?'}`,
});
