'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { recordAudit } from '@/lib/auth/audit';
import { actorOf, requireCaseEdit } from '@/lib/cases/action-guard';
import { updateCase } from '@/lib/cases/case-store';
import { caseSeveritySchema, caseStatusSchema, tagsSchema } from '@/lib/cases/constants';
import { caseHref } from '@/lib/links';
import { type ActionResult, invalidInput } from './result';

const schema = z.object({
  title: z.string().trim().min(1, 'Give the case a title.').max(200, 'At most 200 characters.'),
  description: z.string().trim().max(20_000).default(''),
  status: caseStatusSchema,
  severity: caseSeveritySchema,
  tags: tagsSchema,
});

/** Title, description, status, severity and tags. Analysts and admins who can see the case. */
export async function updateCaseAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  const auth = await requireCaseEdit(formData.get('caseId'));
  if (!auth.ok) return auth;
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const changed = await updateCase(auth.caseId, parsed.data);
  if (Object.keys(changed).length > 0) {
    await recordAudit({
      actor: actorOf(auth.session),
      action: 'case.update',
      targetType: 'case',
      targetId: auth.caseId.toString(),
      detail: { changed: Object.keys(changed), ...(changed.status ? { status: changed.status } : {}) },
    });
  }
  revalidatePath(caseHref(auth.caseId));
  return { ok: true, message: Object.keys(changed).length > 0 ? 'Case saved.' : 'Nothing changed.' };
}
