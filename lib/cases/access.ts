import 'server-only';
import { WRITE_ROLES } from '@/lib/auth/roles';
import type { ValidatedSession } from '@/lib/auth/session';
import { getPrisma } from '@/lib/db/prisma';
import type { Prisma } from '@/lib/generated/prisma/client';

// Who may see and change a case. Admins see every case; everyone else sees the cases they own or
// are a member of, and a case they cannot see does not exist for them (not_found, never
// forbidden, so ids cannot be probed). Editing also needs a write role: viewers only read.

export type CaseAccess = { caseId: bigint; canEdit: boolean; isOwner: boolean };

/** The Prisma filter for "cases this session may see". */
export function visibleCasesWhere(
  session: Pick<ValidatedSession, 'userId' | 'role'>,
): Prisma.InvestigationWhereInput {
  if (session.role === 'admin') return {};
  return { OR: [{ ownerId: session.userId }, { members: { some: { userId: session.userId } } }] };
}

/** null when the case does not exist or this session may not see it. */
export async function getCaseAccess(
  session: Pick<ValidatedSession, 'userId' | 'role'>,
  caseId: bigint,
): Promise<CaseAccess | null> {
  const found = await getPrisma().investigation.findFirst({
    where: { AND: [{ id: caseId }, visibleCasesWhere(session)] },
    select: { id: true, ownerId: true },
  });
  if (!found) return null;
  return {
    caseId: found.id,
    canEdit: WRITE_ROLES.includes(session.role),
    isOwner: found.ownerId === session.userId,
  };
}
