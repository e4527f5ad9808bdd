import 'server-only';
import type { ActionResult } from '@/lib/actions/result';
import { requireActionSession } from '@/lib/auth/guards';
import { WRITE_ROLES } from '@/lib/auth/roles';
import type { ValidatedSession } from '@/lib/auth/session';
import { getCaseAccess } from './access';
import { caseIdSchema } from './constants';

export type CaseEditAuth =
  | { ok: true; session: ValidatedSession; caseId: bigint; isOwner: boolean }
  | Extract<ActionResult, { ok: false }>;

/**
 * The check every case-changing server action starts with: a session with a write role, and a
 * case it can see. A case it cannot see answers not_found, the same as one that does not exist.
 */
export async function requireCaseEdit(rawCaseId: FormDataEntryValue | null): Promise<CaseEditAuth> {
  const auth = await requireActionSession(WRITE_ROLES);
  if (!auth.ok) return auth;
  const caseId = caseIdSchema.safeParse(rawCaseId ?? '');
  const access = caseId.success ? await getCaseAccess(auth.session, caseId.data) : null;
  if (!access)
    return { ok: false, error: 'not_found', message: 'No such case, or it is not shared with you.' };
  return { ok: true, session: auth.session, caseId: access.caseId, isOwner: access.isOwner };
}

export function actorOf(session: ValidatedSession) {
  return { id: session.userId, email: session.email };
}
