import { z } from 'zod';
import type { NormalizedEvent } from '@/lib/cloudtrail/types';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { externalAccounts } from '../helpers/accounts';
import { at, listOf, requestOf, stringsOf, succeeded, textAt } from '../helpers/record';

const EXPORTS = new Set([
  'CreateInstanceExportTask',
  'ExportImage',
  'StartExportTask',
  'ExportTableToPointInTime',
]);

// Accounts (or "all") added by the sharing call; null when the call does not share.
function grantees(event: NormalizedEvent): string[] | null {
  const request = requestOf(event);
  switch (event.eventName) {
    case 'ModifySnapshotAttribute':
    case 'ModifyImageAttribute': {
      const field =
        event.eventName === 'ModifySnapshotAttribute' ? 'createVolumePermission' : 'launchPermission';
      const added = listOf(at(request, field, 'add'));
      return added
        .flatMap((item) => [textAt(item, 'userId'), textAt(item, 'group')])
        .filter((id): id is string => id !== null);
    }
    case 'ModifyDBSnapshotAttribute':
    case 'ModifyDBClusterSnapshotAttribute':
      return textAt(request, 'attributeName') === 'restore' ? stringsOf(request?.valuesToAdd) : null;
    default:
      return null;
  }
}

export const snapshotOrImageShared = defineRule({
  id: 'R60',
  slug: 'snapshot-or-image-shared',
  title: 'Snapshot, image or database shared or exported',
  severity: 'high',
  tactic: TACTICS.exfiltration,
  technique: TECHNIQUES.transferToCloudAccount,
  description:
    'An EBS snapshot, AMI or RDS snapshot was shared with another account or made public ("all"), or an instance, image, database or table export started.',
  triage: ['Identify the grantee account.', 'Remove the permission and check whether it was copied.'],
  falsePositives: ['Sharing with your own accounts (list them in knownAccountIds, reported as low).'],
  references: [
    'Elastic exfiltration_ec2_ebs_snapshot_shared_with_another_account; Stratus ec2-share-ebs-snapshot, ec2-share-ami, rds-share-snapshot',
  ],
  kind: 'single',
  configSchema: z.object({ knownAccountIds: z.array(z.string()) }),
  defaultConfig: { knownAccountIds: [] },
  match: (event, config) => {
    if (!succeeded(event) || event.eventName === null) return false;
    if (EXPORTS.has(event.eventName))
      return { severity: 'medium', summary: `${event.eventName} by ${event.principalName}` };
    const added = grantees(event);
    if (!added || added.length === 0) return false;
    if (added.includes('all')) return { severity: 'critical', summary: `${event.eventName}: made public` };
    const external = externalAccounts(added, event, config.knownAccountIds);
    return external.length > 0
      ? { summary: `${event.eventName}: shared with ${external.join(', ')}` }
      : { severity: 'low', summary: `${event.eventName}: shared with known account(s)` };
  },
  summarize: (event) => `${event.eventName} by ${event.principalName}`,
});
