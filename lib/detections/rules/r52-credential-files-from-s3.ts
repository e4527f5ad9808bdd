import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { requestOf, succeeded, textAt } from '../helpers/record';

const CREDENTIAL_KEY_RE =
  /(^|\/)(\.aws\/credentials|\.env|id_rsa|id_ed25519|id_ecdsa)$|\.(pem|ppk|pfx|p12)$|private_?key/i;

export const credentialFilesFromS3 = defineRule({
  id: 'R52',
  slug: 'credential-files-from-s3',
  title: 'Credential file downloaded from S3',
  severity: 'medium',
  tactic: TACTICS.credentialAccess,
  technique: TECHNIQUES.credentialsInFiles,
  description:
    'GetObject of a key that looks like a credential file (.aws/credentials, .env, id_rsa, *.pem, *.ppk...).',
  triage: ['Check the object’s contents and who should read it.', 'Rotate whatever it holds.'],
  falsePositives: ['Deployment tooling fetching its own certificates.'],
  references: ['Elastic credential_access_credentials_in_s3_bucket'],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) =>
    event.eventSource === 's3.amazonaws.com' &&
    event.eventName === 'GetObject' &&
    succeeded(event) &&
    CREDENTIAL_KEY_RE.test(textAt(requestOf(event), 'key') ?? ''),
  dedupParts: (event) => [textAt(requestOf(event), 'bucketName') ?? '?'],
  summarize: (event) =>
    `${event.principalName} downloaded s3://${textAt(requestOf(event), 'bucketName')}/${textAt(requestOf(event), 'key')}`,
});
