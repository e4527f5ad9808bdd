import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { externalAccounts } from '../helpers/accounts';
import { accountOfPrincipal, hasScopingCondition, parsePolicy } from '../helpers/policy';
import { at, requestOf, succeeded, targetName } from '../helpers/record';

// CreateRole carries the trust policy too (Stratus iam-create-backdoor-role), not only updates.
const TRUST_FIELD: Record<string, string> = {
  UpdateAssumeRolePolicy: 'policyDocument',
  CreateRole: 'assumeRolePolicyDocument',
};

function trustIssues(request: unknown, event: Parameters<typeof externalAccounts>[1], known: string[]) {
  const name = event.eventName ?? '';
  const field = TRUST_FIELD[name];
  if (!field) return null;
  const statements = (parsePolicy(at(request, field)) ?? []).filter(
    (statement) => statement.effect === 'Allow',
  );
  const anyone = statements.some((statement) => statement.anyPrincipal && !hasScopingCondition(statement));
  const accounts = statements.flatMap((statement) =>
    statement.awsPrincipals.map(accountOfPrincipal).filter((id): id is string => id !== null),
  );
  return { anyone, external: externalAccounts(accounts, event, known) };
}

export const roleTrustBackdoored = defineRule({
  id: 'R28a',
  slug: 'role-trust-backdoored',
  title: 'Role trusts an external account or anyone',
  severity: 'high',
  tactic: TACTICS.persistence,
  technique: TECHNIQUES.trustModification,
  description:
    'A role trust policy (created or updated) lets an account outside the known list, or any principal ("AWS": "*"), assume the role.',
  triage: [
    'Identify the external account.',
    'Check for AssumeRole calls from it.',
    'Revert the trust policy.',
  ],
  falsePositives: ['Vendor integrations: add their account ids to knownAccountIds.'],
  references: [
    'Stratus aws.persistence.iam-backdoor-role; Elastic privilege_escalation_iam_update_assume_role_policy',
  ],
  kind: 'single',
  configSchema: z.object({ knownAccountIds: z.array(z.string()) }),
  defaultConfig: { knownAccountIds: [] },
  match: (event, config) => {
    if (event.eventSource !== 'iam.amazonaws.com' || !succeeded(event)) return false;
    const issues = trustIssues(requestOf(event), event, config.knownAccountIds);
    if (!issues) return false;
    if (issues.anyone)
      return { severity: 'critical', summary: `Role ${targetName(event, 'roleName')} trusts any principal` };
    return issues.external.length > 0
      ? { summary: `Role ${targetName(event, 'roleName')} now trusts ${issues.external.join(', ')}` }
      : false;
  },
  dedupParts: (event) => [targetName(event, 'roleName')],
  summarize: (event) => `Role ${targetName(event, 'roleName')} trust policy opened up`,
});
