import 'server-only';
import { getPrisma } from '@/lib/db/prisma';
import type { Prisma } from '@/lib/generated/prisma/client';

export interface AuditFilters {
  /** Exact action, or a family prefix ending in '.' ("case.", "share."). */
  action?: string;
  /** Part of the actor's email; "system" finds rows without an actor (share-link visits, the CLI). */
  actor?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
  /** Keyset paging: rows with a smaller id than this. */
  before?: bigint;
}

export interface AuditRow {
  id: string;
  at: Date;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  detail: unknown;
}

export const AUDIT_PAGE_SIZE = 100;

/** Newest first; `nextBefore` is set when there are older rows. Admin pages only. */
export async function getAuditEntries(
  filters: AuditFilters,
): Promise<{ rows: AuditRow[]; nextBefore: string | null }> {
  const where: Prisma.AuditLogWhereInput = {
    ...(filters.action
      ? filters.action.endsWith('.')
        ? { action: { startsWith: filters.action } }
        : { action: filters.action }
      : {}),
    ...(filters.actor
      ? filters.actor === 'system'
        ? { actorEmail: null }
        : { actorEmail: { contains: filters.actor, mode: 'insensitive' } }
      : {}),
    ...(filters.targetType ? { targetType: filters.targetType } : {}),
    ...(filters.targetId ? { targetId: filters.targetId } : {}),
    ...(filters.from || filters.to
      ? { at: { ...(filters.from ? { gte: filters.from } : {}), ...(filters.to ? { lt: filters.to } : {}) } }
      : {}),
    ...(filters.before ? { id: { lt: filters.before } } : {}),
  };
  const rows = await getPrisma().auditLog.findMany({
    where,
    orderBy: { id: 'desc' },
    take: AUDIT_PAGE_SIZE + 1,
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return {
    rows: page.map((row) => ({
      id: row.id.toString(),
      at: row.at,
      actorEmail: row.actorEmail,
      action: row.action,
      targetType: row.targetType,
      targetId: row.targetId,
      detail: row.detail,
    })),
    nextBefore: rows.length > AUDIT_PAGE_SIZE ? (page.at(-1)?.id.toString() ?? null) : null,
  };
}
