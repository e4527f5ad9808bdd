import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { requireActionSession } from '@/lib/auth/guards';
import { WRITE_ROLES } from '@/lib/auth/roles';
import { parseFindingId } from '@/lib/findings/status';
import { type TriageActor, TriageError } from '@/lib/findings/triage';
import { findingHref } from '@/lib/links';
import { type ActionResult, invalidInput } from './result';

/**
 * What the three triage actions share: a session with a write role (checked here first, and again
 * by lib/findings/triage.ts), a valid finding id and form fields, refusals turned into form
 * errors, and a refresh of the finding and the feed afterwards.
 */
export async function runTriage<T>(
  formData: FormData,
  schema: z.ZodType<T>,
  change: (actor: TriageActor, findingId: bigint, input: T) => Promise<string>,
): Promise<ActionResult> {
  const auth = await requireActionSession(WRITE_ROLES);
  if (!auth.ok) return auth;
  const findingId = parseFindingId(String(formData.get('findingId') ?? ''));
  if (findingId === null) return { ok: false, error: 'invalid', message: 'That is not a finding id.' };
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const { userId, email, role } = auth.session;
    const message = await change({ userId, email, role }, findingId, parsed.data);
    revalidatePath(findingHref(findingId));
    revalidatePath('/findings');
    return { ok: true, message };
  } catch (error) {
    if (!(error instanceof TriageError)) throw error;
    return { ok: false, error: error.code, message: error.message };
  }
}
