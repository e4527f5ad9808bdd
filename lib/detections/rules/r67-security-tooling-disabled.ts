import { z } from 'zod';
import type { NormalizedEvent } from '@/lib/cloudtrail/types';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { boolAt, requestOf, succeeded, textAt } from '../helpers/record';

const ALWAYS: Record<string, ReadonlySet<string>> = {
  'guardduty.amazonaws.com': new Set([
    'DeleteDetector',
    'DisassociateFromMasterAccount',
    'DisassociateFromAdministratorAccount',
    'DeleteMembers',
    'StopMonitoringMembers',
  ]),
  'config.amazonaws.com': new Set([
    'StopConfigurationRecorder',
    'DeleteConfigurationRecorder',
    'DeleteDeliveryChannel',
    'DeleteConfigRule',
  ]),
  'ec2.amazonaws.com': new Set(['DeleteFlowLogs']),
  'route53resolver.amazonaws.com': new Set(['DeleteResolverQueryLogConfig']),
  'logs.amazonaws.com': new Set(['DeleteLogGroup']),
  'securityhub.amazonaws.com': new Set([
    'BatchUpdateFindings',
    'DeleteInsight',
    'UpdateFindings',
    'DisableSecurityHub',
  ]),
  'macie2.amazonaws.com': new Set(['DisableMacie']),
};

function conditional(event: NormalizedEvent): boolean {
  const request = requestOf(event);
  if (event.eventSource !== 'guardduty.amazonaws.com') return false;
  switch (event.eventName) {
    case 'UpdateDetector':
      return boolAt(request, 'enable') === false;
    case 'CreateIPSet':
    case 'UpdateIPSet':
      // A trusted-IP list silences findings for those IPs.
      return boolAt(request, 'activate') === true;
    case 'CreateFilter':
      return textAt(request, 'action') === 'ARCHIVE';
    default:
      return false;
  }
}

export const securityToolingDisabled = defineRule({
  id: 'R67',
  slug: 'security-tooling-disabled',
  title: 'GuardDuty, Config, flow logs or Security Hub impaired',
  severity: 'high',
  tactic: TACTICS.defenseEvasion,
  technique: TECHNIQUES.disableTools,
  description:
    'A detective control was disabled, deleted or muted: GuardDuty detectors, trusted IP sets and archive filters; Config recorders; VPC flow logs; Route 53 resolver query logs; log groups; Security Hub findings; Macie.',
  triage: ['Re-enable the control.', 'Review what happened while it was off.'],
  falsePositives: ['Decommissioning, log-group clean-ups by IaC.'],
  references: [
    'Elastic defense_evasion_guardduty_*, defense_evasion_configuration_recorder_stopped, defense_evasion_ec2_flow_log_deletion',
    'Stratus dns-delete-logs, vpc-remove-flow-logs',
  ],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) => {
    const name = event.eventName ?? '';
    if (ALWAYS[event.eventSource ?? '']?.has(name)) return succeeded(event);
    // Trusted IP sets matter even when the call fails: it shows intent.
    if (name === 'CreateIPSet' || name === 'UpdateIPSet') return conditional(event);
    return succeeded(event) && conditional(event);
  },
  summarize: (event) => `${event.eventSource}:${event.eventName} by ${event.principalName}`,
});
