'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { recordAudit } from '@/lib/auth/audit';
import { actorOf, requireCaseEdit } from '@/lib/cases/action-guard';
import { SHARE_EXPIRY_HOURS } from '@/lib/cases/constants';
import { createShareLink, revokeShareLink } from '@/lib/cases/share-links';
import { sharePath } from '@/lib/cases/share-token';
import { snapshotPathOf } from '@/lib/cases/view-url';
import { getPrisma } from '@/lib/db/prisma';
import { caseHref } from '@/lib/links';
import { type ActionResult, invalidInput } from './result';

const createSchema = z.object({
  label: z.string().trim().min(1, 'Say who or what the link is for.').max(200),
  expiresInHours: z.coerce
    .number()
    .refine((hours) => (SHARE_EXPIRY_HOURS as readonly number[]).includes(hours), 'Pick an expiry.'),
  /** Empty shares the whole case; otherwise the id of a saved-view bookmark of the case. */
  viewItemId: z
    .string()
    .regex(/^([1-9][0-9]{0,17})?$/)
    .default(''),
});

/**
 * Creates a read-only link for the case or one of its saved views. The token is returned once,
 * in the result, and never stored; the page shows it for copying.
 */
export async function createShareLinkAction(
  _previous: ActionResult<{ path: string }> | null,
  formData: FormData,
): Promise<ActionResult<{ path: string }>> {
  const auth = await requireCaseEdit(formData.get('caseId'));
  if (!auth.ok) return auth;
  const parsed = createSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error);

  let viewUrl: string | null = null;
  if (parsed.data.viewItemId) {
    const item = await getPrisma().investigationItem.findFirst({
      where: { id: BigInt(parsed.data.viewItemId), caseId: auth.caseId, kind: 'view' },
      select: { viewUrl: true },
    });
    if (!item?.viewUrl)
      return { ok: false, error: 'not_found', message: 'That saved view is not in this case.' };
    if (!snapshotPathOf(item.viewUrl)) {
      return {
        ok: false,
        error: 'invalid',
        message: 'Only events and findings views can be shared as a snapshot.',
      };
    }
    viewUrl = item.viewUrl;
  }
  const expiresAt = new Date(Date.now() + parsed.data.expiresInHours * 3_600_000);
  const link = await createShareLink({
    caseId: auth.caseId,
    viewUrl,
    label: parsed.data.label,
    expiresAt,
    createdBy: auth.session.userId,
  });
  await recordAudit({
    actor: actorOf(auth.session),
    action: 'share.create',
    targetType: 'case',
    targetId: auth.caseId.toString(),
    detail: {
      linkId: link.id.toString(),
      scope: viewUrl ? 'view' : 'case',
      expiresAt: expiresAt.toISOString(),
    },
  });
  revalidatePath(caseHref(auth.caseId));
  return {
    ok: true,
    message: 'Share link created. Copy it now: it is shown only once.',
    data: { path: sharePath(link.token) },
  };
}

export async function revokeShareLinkAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  const auth = await requireCaseEdit(formData.get('caseId'));
  if (!auth.ok) return auth;
  const parsed = z
    .object({ linkId: z.string().regex(/^[1-9][0-9]{0,17}$/) })
    .safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  if (!(await revokeShareLink(auth.caseId, BigInt(parsed.data.linkId), auth.session.userId))) {
    return { ok: false, error: 'not_found', message: 'No live link with that id in this case.' };
  }
  await recordAudit({
    actor: actorOf(auth.session),
    action: 'share.revoke',
    targetType: 'case',
    targetId: auth.caseId.toString(),
    detail: { linkId: parsed.data.linkId },
  });
  revalidatePath(caseHref(auth.caseId));
  return { ok: true, message: 'Link revoked. It no longer opens.' };
}
