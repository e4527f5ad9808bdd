import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { externalAccounts } from '../helpers/accounts';
import { accountOfPrincipal, parsePolicy } from '../helpers/policy';
import { requestOf, succeeded, targetName } from '../helpers/record';

export const bucketSharedExternalAccount = defineRule({
  id: 'R54',
  slug: 'bucket-shared-external-account',
  title: 'Bucket policy grants an external account',
  severity: 'medium',
  tactic: TACTICS.exfiltration,
  technique: TECHNIQUES.transferToCloudAccount,
  description: 'A bucket policy Allow names an AWS account that is not this account or on the known list.',
  triage: ['Identify the external account.', 'Check reads from it.'],
  falsePositives: ['Partners and log-archive accounts: list them in knownAccountIds.'],
  references: [
    'Elastic exfiltration_s3_bucket_policy_added_for_external_account_access; Stratus aws.exfiltration.s3-backdoor-bucket-policy',
  ],
  kind: 'single',
  configSchema: z.object({ knownAccountIds: z.array(z.string()) }),
  defaultConfig: { knownAccountIds: [] },
  match: (event, config) => {
    if (
      event.eventSource !== 's3.amazonaws.com' ||
      event.eventName !== 'PutBucketPolicy' ||
      !succeeded(event)
    ) {
      return false;
    }
    const accounts = (parsePolicy(requestOf(event)?.bucketPolicy) ?? [])
      .filter((statement) => statement.effect === 'Allow')
      .flatMap((statement) => statement.awsPrincipals.map(accountOfPrincipal))
      .filter((id): id is string => id !== null);
    const external = externalAccounts(accounts, event, config.knownAccountIds);
    return external.length > 0
      ? { summary: `${targetName(event, 'bucketName')} shared with ${external.join(', ')}` }
      : false;
  },
  dedupParts: (event) => [targetName(event, 'bucketName')],
  summarize: (event) => `${targetName(event, 'bucketName')} shared with an external account`,
});
