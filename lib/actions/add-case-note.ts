'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { recordAudit } from '@/lib/auth/audit';
import { actorOf, requireCaseEdit } from '@/lib/cases/action-guard';
import { addNote, itemInCase } from '@/lib/cases/case-store';
import { caseHref } from '@/lib/links';
import { type ActionResult, invalidInput } from './result';

const schema = z.object({
  body: z.string().trim().min(1, 'Write something first.').max(20_000, 'At most 20,000 characters.'),
  itemId: z
    .string()
    .regex(/^([1-9][0-9]{0,17})?$/)
    .default('')
    .transform((value) => (value ? BigInt(value) : null)),
});

/** A markdown note on the case (or on one of its bookmarks). Stored as written, rendered sanitised. */
export async function addCaseNoteAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  const auth = await requireCaseEdit(formData.get('caseId'));
  if (!auth.ok) return auth;
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return { ...invalidInput(parsed.error), values: { body: String(formData.get('body') ?? '') } };
  if (parsed.data.itemId !== null && !(await itemInCase(auth.caseId, parsed.data.itemId))) {
    return { ok: false, error: 'not_found', message: 'That bookmark is not in this case.' };
  }
  const noteId = await addNote(auth.caseId, auth.session.userId, parsed.data.body, parsed.data.itemId);
  await recordAudit({
    actor: actorOf(auth.session),
    action: 'case.note_add',
    targetType: 'case',
    targetId: auth.caseId.toString(),
    detail: { noteId: noteId.toString() },
  });
  revalidatePath(caseHref(auth.caseId));
  return { ok: true, message: 'Note added.' };
}
