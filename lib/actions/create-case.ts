'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { recordAudit } from '@/lib/auth/audit';
import { requireActionSession } from '@/lib/auth/guards';
import { WRITE_ROLES } from '@/lib/auth/roles';
import { actorOf } from '@/lib/cases/action-guard';
import { createCase } from '@/lib/cases/case-store';
import { caseSeveritySchema, tagsSchema } from '@/lib/cases/constants';
import { caseHref } from '@/lib/links';
import { type ActionResult, invalidInput } from './result';

const schema = z.object({
  title: z.string().trim().min(1, 'Give the case a title.').max(200, 'At most 200 characters.'),
  description: z.string().trim().max(20_000).default(''),
  severity: caseSeveritySchema,
  tags: tagsSchema,
});

/** Analysts and admins; the creator owns the case. Goes to the new case on success. */
export async function createCaseAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  const auth = await requireActionSession(WRITE_ROLES);
  if (!auth.ok) return auth;
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return { ...invalidInput(parsed.error), values: { title: String(formData.get('title') ?? '') } };
  }
  const caseId = await createCase(auth.session.userId, { ...parsed.data, status: 'open' });
  await recordAudit({
    actor: actorOf(auth.session),
    action: 'case.create',
    targetType: 'case',
    targetId: caseId.toString(),
    detail: { title: parsed.data.title },
  });
  redirect(caseHref(caseId));
}
