import 'server-only';
import type { ValidatedSession } from '@/lib/auth/session';
import { getPrisma } from '@/lib/db/prisma';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Severity } from '@/lib/severity';
import { visibleCasesWhere } from './access';
import type { CaseStatus } from './constants';

export interface CaseListRow {
  id: string;
  title: string;
  status: CaseStatus;
  severity: Severity;
  tags: string[];
  owner: string | null;
  itemCount: number;
  noteCount: number;
  updatedAt: Date;
}

export interface CaseListFilters {
  status?: CaseStatus;
  tag?: string;
  /** Words in the title or description. */
  q?: string;
}

type Viewer = Pick<ValidatedSession, 'userId' | 'role'>;

/** The cases this session may see, most recently changed first. */
export async function listCases(session: Viewer, filters: CaseListFilters = {}): Promise<CaseListRow[]> {
  const prisma = getPrisma();
  const where: Prisma.InvestigationWhereInput = {
    AND: [
      visibleCasesWhere(session),
      filters.status ? { status: filters.status } : {},
      filters.tag ? { tags: { has: filters.tag } } : {},
      filters.q
        ? {
            OR: [
              { title: { contains: filters.q, mode: 'insensitive' } },
              { description: { contains: filters.q, mode: 'insensitive' } },
            ],
          }
        : {},
    ],
  };
  const rows = await prisma.investigation.findMany({
    where,
    orderBy: { updatedAt: 'desc' },
    take: 500,
    include: { _count: { select: { items: true, notes: true } } },
  });
  const ownerIds = [...new Set(rows.flatMap((row) => (row.ownerId ? [row.ownerId] : [])))];
  const owners = await prisma.user.findMany({
    where: { id: { in: ownerIds } },
    select: { id: true, email: true },
  });
  const emailOf = new Map(owners.map((owner) => [owner.id, owner.email]));
  return rows.map((row) => ({
    id: row.id.toString(),
    title: row.title,
    status: row.status as CaseStatus,
    severity: row.severity as Severity,
    tags: row.tags,
    owner: row.ownerId ? (emailOf.get(row.ownerId) ?? null) : null,
    itemCount: row._count.items,
    noteCount: row._count.notes,
    updatedAt: row.updatedAt,
  }));
}

/** The cases this session can add things to: what the "Add to case" control offers. */
export async function listWritableCases(session: Viewer): Promise<{ id: string; title: string }[]> {
  const rows = await getPrisma().investigation.findMany({
    where: { AND: [visibleCasesWhere(session), { status: { not: 'closed' } }] },
    orderBy: { updatedAt: 'desc' },
    take: 100,
    select: { id: true, title: true },
  });
  return rows.map((row) => ({ id: row.id.toString(), title: row.title }));
}

/** Counts per status of the visible cases, for the list's filter tabs. */
export async function countCasesByStatus(session: Viewer): Promise<Record<CaseStatus, number>> {
  const groups = await getPrisma().investigation.groupBy({
    by: ['status'],
    where: visibleCasesWhere(session),
    _count: { _all: true },
  });
  const counts: Record<CaseStatus, number> = { open: 0, contained: 0, closed: 0 };
  for (const group of groups) counts[group.status as CaseStatus] = group._count._all;
  return counts;
}
