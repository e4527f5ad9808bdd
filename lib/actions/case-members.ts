'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { recordAudit } from '@/lib/auth/audit';
import { actorOf, requireCaseEdit } from '@/lib/cases/action-guard';
import { addMember, removeMember } from '@/lib/cases/case-store';
import { getPrisma } from '@/lib/db/prisma';
import { caseHref } from '@/lib/links';
import { type ActionResult, invalidInput } from './result';

const addSchema = z.object({ email: z.email('Enter the email of a Trailhound user.').trim().toLowerCase() });
const removeSchema = z.object({ userId: z.uuid() });

const OWNER_ONLY: Extract<ActionResult, { ok: false }> = {
  ok: false,
  error: 'forbidden',
  message: 'Only the case owner or an admin changes who works on it.',
};

/** The owner (or an admin) adds a user by email; members see the case, and analysts edit it. */
export async function addCaseMemberAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  const auth = await requireCaseEdit(formData.get('caseId'));
  if (!auth.ok) return auth;
  if (!auth.isOwner && auth.session.role !== 'admin') return OWNER_ONLY;
  const parsed = addSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const user = await getPrisma().user.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, email: true, disabled: true },
  });
  if (!user || user.disabled) {
    return {
      ok: false,
      error: 'not_found',
      message: `No active user ${parsed.data.email}.`,
      values: { email: parsed.data.email },
    };
  }
  await addMember(auth.caseId, user.id);
  await recordAudit({
    actor: actorOf(auth.session),
    action: 'case.member_add',
    targetType: 'case',
    targetId: auth.caseId.toString(),
    detail: { member: user.email },
  });
  revalidatePath(caseHref(auth.caseId));
  return { ok: true, message: `${user.email} can now open this case.` };
}

export async function removeCaseMemberAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  const auth = await requireCaseEdit(formData.get('caseId'));
  if (!auth.ok) return auth;
  if (!auth.isOwner && auth.session.role !== 'admin') return OWNER_ONLY;
  const parsed = removeSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  if (!(await removeMember(auth.caseId, parsed.data.userId))) {
    return { ok: false, error: 'not_found', message: 'That user is not a member of this case.' };
  }
  await recordAudit({
    actor: actorOf(auth.session),
    action: 'case.member_remove',
    targetType: 'case',
    targetId: auth.caseId.toString(),
    detail: { userId: parsed.data.userId },
  });
  revalidatePath(caseHref(auth.caseId));
  return { ok: true, message: 'Member removed.' };
}
