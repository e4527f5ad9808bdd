import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { externalAccounts } from '../helpers/accounts';
import { at, listOf, requestOf, succeeded, targetName, textAt } from '../helpers/record';

// CloudTrail names: PutBucketReplication / DeleteBucketReplication. "PutReplicationConfiguration"
// (used by Sigma aws_s3_data_management_tampering) is the IAM action and never appears as an eventName.
export const bucketReplicationConfigured = defineRule({
  id: 'R55',
  slug: 'bucket-replication-configured',
  title: 'Bucket replication configured or removed',
  severity: 'medium',
  tactic: TACTICS.exfiltration,
  technique: TECHNIQUES.transferToCloudAccount,
  description:
    'Replication copies every new object elsewhere. High when a rule’s destination Account is outside the known accounts.',
  triage: ['Read the destination bucket and account.', 'Remove unknown replication rules.'],
  falsePositives: ['Disaster-recovery replication to your own accounts.'],
  references: [
    'Elastic exfiltration_s3_bucket_replicated_to_external_account; Panther AWS.S3.DeleteBucketReplication',
  ],
  kind: 'single',
  configSchema: z.object({ knownAccountIds: z.array(z.string()) }),
  defaultConfig: { knownAccountIds: [] },
  match: (event, config) => {
    if (event.eventSource !== 's3.amazonaws.com' || !succeeded(event)) return false;
    if (event.eventName === 'DeleteBucketReplication') return { severity: 'low' };
    if (event.eventName !== 'PutBucketReplication') return false;
    const rules = listOf(at(requestOf(event), 'ReplicationConfiguration', 'Rule'));
    const accounts = rules
      .map((rule) => textAt(rule, 'Destination', 'Account'))
      .filter((id): id is string => id !== null);
    const external = externalAccounts(accounts, event, config.knownAccountIds);
    return external.length > 0
      ? {
          severity: 'high',
          summary: `${targetName(event, 'bucketName')} replicates to account ${external.join(', ')}`,
        }
      : true;
  },
  dedupParts: (event) => [targetName(event, 'bucketName')],
  summarize: (event) => `${event.eventName} on ${targetName(event, 'bucketName')} by ${event.principalName}`,
});
