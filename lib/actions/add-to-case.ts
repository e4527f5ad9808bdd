'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { recordAudit } from '@/lib/auth/audit';
import { requireActionSession } from '@/lib/auth/guards';
import { WRITE_ROLES } from '@/lib/auth/roles';
import { actorOf, requireCaseEdit } from '@/lib/cases/action-guard';
import { addItem, addNote, createCase, type ItemTarget } from '@/lib/cases/case-store';
import { tagsSchema } from '@/lib/cases/constants';
import { normaliseViewUrl } from '@/lib/cases/view-url';
import { caseHref } from '@/lib/links';
import { type ActionResult, invalidInput } from './result';

const KIND_NAMES = {
  event: 'Event',
  finding: 'Finding',
  principal: 'Principal',
  view: 'Saved view',
} as const;

const bigintId = z
  .string()
  .regex(/^[1-9][0-9]{0,17}$/, 'Unknown id.')
  .transform((value) => BigInt(value));

const targetSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('event'),
    accountId: z.string().regex(/^[0-9]{12}$/, 'An AWS account id is 12 digits.'),
    eventId: z.string().trim().min(1).max(200),
  }),
  z.object({ kind: z.literal('finding'), findingId: bigintId }),
  z.object({ kind: z.literal('principal'), principalId: bigintId }),
  z.object({
    kind: z.literal('view'),
    viewUrl: z
      .string()
      .transform((value) => normaliseViewUrl(value))
      .refine((value): value is string => value !== null, 'Only views of this Trailhound can be saved.'),
    label: z.string().trim().min(1, 'Name the view.').max(200),
  }),
]);

const optionsSchema = z.object({
  caseId: z.string().default(''),
  newCaseTitle: z.string().trim().max(200).default(''),
  starred: z
    .string()
    .optional()
    .transform((value) => value === 'on' || value === 'true'),
  tags: tagsSchema,
  note: z.string().trim().max(20_000).default(''),
});

/**
 * Bookmarks an event, finding, principal or view in a case (an existing one, or a new one named
 * by `newCaseTitle` when caseId is "new"), optionally starred, tagged and with a first note.
 * The form is components/cases/AddToCaseMenu.tsx.
 */
export async function addToCaseAction(
  _previous: ActionResult<{ caseId: string }> | null,
  formData: FormData,
): Promise<ActionResult<{ caseId: string }>> {
  const fields = Object.fromEntries(formData);
  const target = targetSchema.safeParse(fields);
  const options = optionsSchema.safeParse(fields);
  if (!target.success) return invalidInput(target.error);
  if (!options.success) return invalidInput(options.error);

  let caseId: bigint;
  let session: Awaited<ReturnType<typeof requireActionSession>> & { ok: true };
  if (options.data.caseId === 'new') {
    const auth = await requireActionSession(WRITE_ROLES);
    if (!auth.ok) return auth;
    if (!options.data.newCaseTitle) {
      return {
        ok: false,
        error: 'invalid',
        message: 'Name the new case.',
        fieldErrors: { newCaseTitle: 'Name the new case.' },
      };
    }
    session = auth;
    caseId = await createCase(auth.session.userId, {
      title: options.data.newCaseTitle,
      description: '',
      status: 'open',
      severity: 'medium',
      tags: [],
    });
    await recordAudit({
      actor: actorOf(auth.session),
      action: 'case.create',
      targetType: 'case',
      targetId: caseId.toString(),
      detail: { title: options.data.newCaseTitle },
    });
  } else {
    const auth = await requireCaseEdit(options.data.caseId);
    if (!auth.ok) return auth;
    session = { ok: true, session: auth.session };
    caseId = auth.caseId;
  }

  const result = await addItem(caseId, target.data as ItemTarget, {
    starred: options.data.starred,
    tags: options.data.tags,
    addedBy: session.session.userId,
  });
  if ('missing' in result) {
    return {
      ok: false,
      error: 'not_found',
      message: `That ${target.data.kind} is not stored in Trailhound.`,
    };
  }
  if (options.data.note) await addNote(caseId, session.session.userId, options.data.note, result.itemId);
  await recordAudit({
    actor: actorOf(session.session),
    action: 'case.item_add',
    targetType: 'case',
    targetId: caseId.toString(),
    detail: { kind: target.data.kind, itemId: result.itemId.toString(), created: result.created },
  });
  revalidatePath(caseHref(caseId));
  return {
    ok: true,
    message: result.created
      ? `${KIND_NAMES[target.data.kind]} added to the case.`
      : `${KIND_NAMES[target.data.kind]} already in the case; star and tags updated.`,
    data: { caseId: caseId.toString() },
  };
}
