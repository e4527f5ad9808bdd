import { getPrisma } from '../db/prisma';
import type { Prisma } from '../generated/prisma/client';

export interface AuditActor {
  id: string;
  email: string;
}

// Known actions, so the audit view can label them; later features add theirs here.
export type AuditAction =
  | 'auth.login'
  | 'auth.logout'
  | 'auth.password_change'
  | 'user.bootstrap_admin'
  | 'user.create'
  | 'user.role_change'
  | 'user.disable'
  | 'user.enable'
  | 'user.password_reset'
  | 'user.sessions_revoke'
  | 'ingest.start'
  | 'finding.status_change'
  | 'finding.assign'
  | 'finding.note_add'
  | 'detection.sigma_import'
  | 'detection.sigma_rule_change'
  | 'detection.rule_setting'
  | 'detection.settings';

export interface AuditEntry {
  /** Null for the system itself (first-run bootstrap, the CLI). */
  actor: AuditActor | null;
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  detail?: Prisma.InputJsonObject;
}

/**
 * Appends one row to audit_log. Never pass secrets (passwords, tokens) in `detail`. Pass a
 * transaction client to commit the row together with the change it records.
 */
export async function recordAudit(
  entry: AuditEntry,
  db: Pick<Prisma.TransactionClient, 'auditLog'> = getPrisma(),
): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      ...(entry.detail ? { detail: entry.detail } : {}),
    },
  });
}
