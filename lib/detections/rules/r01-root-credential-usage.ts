import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';

// Sign-in has its own rules (R02/R03/R05); this one is about root *using* the credentials.
const EXCLUDED = new Set(['CreateServiceLinkedRole', 'ConsoleLogin', 'PasswordRecoveryRequested']);

export const rootCredentialUsage = defineRule({
  id: 'R01',
  slug: 'root-credential-usage',
  title: 'Root credentials used',
  severity: 'high',
  tactic: TACTICS.privilegeEscalation,
  technique: TECHNIQUES.cloudAccounts,
  description:
    'The account root user made an API call. Root cannot be restricted by IAM policies, so any use outside break-glass procedures is a major risk.',
  triage: [
    'Confirm with the account owner that root was used on purpose, and why.',
    'Review every event by root in the same hour, starting with writes.',
    'Check that root has MFA and no access keys.',
  ],
  falsePositives: ['Tasks only root can do (closing the account, changing the support plan).'],
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-tasks.html',
    'Panther AWS.Root.Activity; Sigma aws_root_account_usage',
  ],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) => {
    if (event.principalType !== 'Root' || event.invokedBy !== null) return false;
    if (event.eventType === 'AwsServiceEvent' || EXCLUDED.has(event.eventName ?? '')) return false;
    // readOnly absent is unknown, not a read: keep the higher severity.
    return event.readOnly === true ? { severity: 'medium' } : true;
  },
  summarize: (event) =>
    `Root called ${event.eventSource}:${event.eventName} from ${event.sourceIpRaw ?? '?'}`,
});
