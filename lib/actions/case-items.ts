'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { recordAudit } from '@/lib/auth/audit';
import { actorOf, requireCaseEdit } from '@/lib/cases/action-guard';
import { itemInCase, removeItem, updateItem } from '@/lib/cases/case-store';
import { tagsSchema } from '@/lib/cases/constants';
import { caseHref } from '@/lib/links';
import { type ActionResult, invalidInput } from './result';

const itemIdSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,17}$/)
  .transform((value) => BigInt(value));

const updateSchema = z.object({
  itemId: itemIdSchema,
  starred: z.enum(['true', 'false']).optional(),
  tags: tagsSchema.optional(),
});

/** Stars/unstars or re-tags a bookmark. Sends `starred` ("true"/"false") and/or `tags`. */
export async function updateCaseItemAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  const auth = await requireCaseEdit(formData.get('caseId'));
  if (!auth.ok) return auth;
  const parsed = updateSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  // The item id comes from the form: it must belong to the case the access check was made on.
  if (!(await itemInCase(auth.caseId, parsed.data.itemId))) {
    return { ok: false, error: 'not_found', message: 'That bookmark is not in this case.' };
  }
  const change = {
    ...(parsed.data.starred ? { starred: parsed.data.starred === 'true' } : {}),
    ...(parsed.data.tags ? { tags: parsed.data.tags } : {}),
  };
  await updateItem(parsed.data.itemId, change);
  await recordAudit({
    actor: actorOf(auth.session),
    action: 'case.item_update',
    targetType: 'case',
    targetId: auth.caseId.toString(),
    detail: { itemId: parsed.data.itemId.toString(), ...change },
  });
  revalidatePath(caseHref(auth.caseId));
  return { ok: true, message: 'Bookmark updated.' };
}

export async function removeCaseItemAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  const auth = await requireCaseEdit(formData.get('caseId'));
  if (!auth.ok) return auth;
  const parsed = z.object({ itemId: itemIdSchema }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  if (!(await itemInCase(auth.caseId, parsed.data.itemId))) {
    return { ok: false, error: 'not_found', message: 'That bookmark is not in this case.' };
  }
  await removeItem(parsed.data.itemId);
  await recordAudit({
    actor: actorOf(auth.session),
    action: 'case.item_remove',
    targetType: 'case',
    targetId: auth.caseId.toString(),
    detail: { itemId: parsed.data.itemId.toString() },
  });
  revalidatePath(caseHref(auth.caseId));
  return { ok: true, message: 'Removed from the case.' };
}
