import type { Db } from './db';

export interface PrincipalSummary {
  id: string;
  accountId: string;
  principalKey: string;
  principalType: string;
  name: string;
  arn: string | null;
  principalAccountId: string | null;
  baseRoleArn: string | null;
  sessionName: string | null;
  roleSessionKind: string | null;
  sessionIssuerArn: string | null;
  firstSeen: Date | null;
  lastSeen: Date | null;
}

/** One principal with the span of its activity (two index probes on event_principal_time_idx). */
export async function getPrincipal(db: Db, principalId: string): Promise<PrincipalSummary | null> {
  if (!/^\d{1,18}$/.test(principalId)) return null;
  const { rows } = await db.query<PrincipalSummary>(
    `SELECT p.id::text AS "id", p.account_id AS "accountId", p.principal_key AS "principalKey",
            p.principal_type AS "principalType", p.name, p.arn,
            p.principal_account_id AS "principalAccountId", p.base_role_arn AS "baseRoleArn",
            p.session_name AS "sessionName", p.role_session_kind AS "roleSessionKind",
            p.session_issuer_arn AS "sessionIssuerArn",
            (SELECT min(event_time) FROM event WHERE principal_id = p.id) AS "firstSeen",
            (SELECT max(event_time) FROM event WHERE principal_id = p.id) AS "lastSeen"
       FROM principal p WHERE p.id = $1`,
    [principalId],
  );
  return rows[0] ?? null;
}
