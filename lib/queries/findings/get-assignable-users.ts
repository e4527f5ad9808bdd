import { WRITE_ROLES } from '@/lib/auth/roles';
import { getPrisma } from '@/lib/db/prisma';

/** Who a finding can be assigned to: enabled accounts that may triage (analysts and admins). */
export async function getAssignableUsers(): Promise<{ id: string; email: string }[]> {
  return getPrisma().user.findMany({
    where: { disabled: false, role: { in: [...WRITE_ROLES] } },
    select: { id: true, email: true },
    orderBy: { email: 'asc' },
  });
}
