// The catalogue against real CloudTrail: Stratus Red Team detonations (one technique per file) and
// the OTRF cloud_breach_s3 scenario with its labels (see ../shared/datasets/*/SOURCE.md).

import { describe, expect, test } from 'vitest';
import { normalizeRecord } from '@/lib/cloudtrail/normalize';
import type { NormalizedEvent } from '@/lib/cloudtrail/types';
import { loadOtrf, loadOtrfLabels, loadStratus } from '@/tests/fixtures/cloudtrail/datasets';
import { evaluate } from './evaluate';
import type { RuleId } from './rule-ids';

const EXPECTED: Record<string, RuleId[]> = {
  'aws.credential-access.ec2-get-password-data': ['X09', 'R43'],
  'aws.credential-access.ec2-steal-instance-credentials': ['R40', 'X01'],
  'aws.credential-access.secretsmanager-retrieve-secrets': ['X07'],
  'aws.credential-access.ssm-retrieve-securestring-parameters': ['X08'],
  'aws.defense-evasion.cloudtrail-delete': ['R66'],
  'aws.defense-evasion.cloudtrail-event-selectors': ['R66'],
  'aws.defense-evasion.cloudtrail-stop': ['R66'],
  'aws.defense-evasion.dns-delete-logs': ['R67'],
  'aws.defense-evasion.organizations-leave': ['R09', 'R35'],
  'aws.defense-evasion.vpc-remove-flow-logs': ['R67'],
  'aws.discovery.ec2-download-user-data': ['X10'],
  'aws.execution.ec2-user-data': ['X02'],
  'aws.execution.ssm-send-command': ['X01'],
  'aws.execution.ssm-start-session': ['X01'],
  'aws.exfiltration.ec2-security-group-open-port-22-ingress': ['R61'],
  'aws.exfiltration.ec2-share-ami': ['R60'],
  'aws.exfiltration.ec2-share-ebs-snapshot': ['R60'],
  'aws.exfiltration.rds-share-snapshot': ['R60'],
  'aws.initial-access.console-login-without-mfa': ['R11'],
  'aws.lateral-movement.ec2-instance-connect': ['X03'],
  'aws.lateral-movement.ec2-serial-console-send-ssh-public-key': ['X03'],
  'aws.persistence.iam-backdoor-role': ['R28a'],
  'aws.persistence.iam-backdoor-user': ['R17'],
  'aws.persistence.iam-create-admin-user': ['R17', 'R25', 'R29'],
  'aws.persistence.iam-create-backdoor-role': ['R25', 'R28a'],
  'aws.persistence.iam-create-user-login-profile': ['R32'],
  'aws.persistence.lambda-backdoor-function': ['X04'],
  'aws.persistence.lambda-layer-extension': ['X05'],
  'aws.persistence.lambda-overwrite-code': ['X05'],
  'aws.persistence.sts-federation-token': ['R24b'],
  'aws.privilege-escalation.iam-update-user-login-profile': ['R32'],
};

function normalised(records: { record: Record<string, unknown> }[]): NormalizedEvent[] {
  return records.flatMap(({ record }) => {
    const result = normalizeRecord(record);
    return result.ok ? [result.event] : [];
  });
}

describe('Stratus Red Team detonations', () => {
  const byTechnique = new Map<string, { record: Record<string, unknown> }[]>();
  for (const entry of loadStratus()) {
    const technique = entry.origin.replace(/^stratus\//, '').replace(/\.json#\d+$/, '');
    byTechnique.set(technique, [...(byTechnique.get(technique) ?? []), entry]);
  }

  for (const [technique, rules] of Object.entries(EXPECTED)) {
    test(`${technique} raises ${rules.join(', ')}`, () => {
      const records = byTechnique.get(technique);
      expect(records, technique).toBeDefined();
      const fired = new Set(evaluate(normalised(records ?? [])).map((finding) => finding.ruleId));
      for (const rule of rules) expect(fired, `${technique} -> ${rule}`).toContain(rule);
    });
  }

  test('the anonymised /0 ingress and the StopLogging call are critical', () => {
    const findings = evaluate(
      normalised([
        ...(byTechnique.get('aws.exfiltration.ec2-security-group-open-port-22-ingress') ?? []),
        ...(byTechnique.get('aws.defense-evasion.cloudtrail-stop') ?? []),
      ]),
    );
    expect(
      findings
        .filter((finding) => finding.ruleId === 'R61' || finding.ruleId === 'R66')
        .map((f) => f.severity),
    ).toEqual(['critical', 'critical']);
  });
});

describe('OTRF cloud_breach_s3', () => {
  test('stolen instance credentials are flagged on exactly the malicious events', () => {
    const findings = evaluate(normalised(loadOtrf()));
    const malicious = loadOtrfLabels()
      .filter((label) => label.label === 'malicious')
      .map((label) => label.eventID)
      .sort();
    const exfiltration = findings.filter((finding) => finding.ruleId === 'R40');
    expect(exfiltration).toHaveLength(1);
    expect([...(exfiltration[0]?.eventIds ?? [])].sort()).toEqual(malicious);
    // The attacker's first "aws s3 ls" with the stolen role.
    expect(
      findings.some((finding) => finding.ruleId === 'R49' && finding.principalKey.includes('BankingWAFRole')),
    ).toBe(true);
  });
});
