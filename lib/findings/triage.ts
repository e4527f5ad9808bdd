// Triage of findings: status, assignee and notes. The server actions check the session first;
// these functions check the actor's role again and write the audit row, so the CLI or a future
// route handler cannot triage without the same rules.
import { recordAudit } from '@/lib/auth/audit';
import { hasRole, type Role, WRITE_ROLES } from '@/lib/auth/roles';
import { UserFacingError } from '@/lib/db/errors';
import { getPrisma } from '@/lib/db/prisma';
import { NOTE_MAX_LENGTH } from './note-limits';
import type { FindingStatus } from './status';

export interface TriageActor {
  userId: string;
  email: string;
  role: Role;
}

export type TriageErrorCode = 'forbidden' | 'not_found' | 'invalid';

export class TriageError extends UserFacingError {
  override name = 'TriageError';
  constructor(
    readonly code: TriageErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function assertMayTriage(actor: TriageActor): void {
  if (!hasRole(actor.role, WRITE_ROLES)) {
    throw new TriageError('forbidden', 'Viewers can read findings but not change them.');
  }
}

const auditActor = (actor: TriageActor) => ({ id: actor.userId, email: actor.email });

async function currentOf(findingId: bigint) {
  const finding = await getPrisma().finding.findUnique({
    where: { id: findingId },
    select: { id: true, status: true, assigneeId: true, ruleId: true },
  });
  if (!finding) throw new TriageError('not_found', `Finding #${findingId} does not exist.`);
  return finding;
}

/** Returns the previous status; an unchanged status writes nothing and audits nothing. */
export async function setFindingStatus(
  actor: TriageActor,
  findingId: bigint,
  status: FindingStatus,
): Promise<{ previous: FindingStatus }> {
  assertMayTriage(actor);
  const finding = await currentOf(findingId);
  const previous = finding.status as FindingStatus;
  if (previous === status) return { previous };
  await getPrisma().finding.update({ where: { id: findingId }, data: { status, updatedAt: new Date() } });
  await recordAudit({
    actor: auditActor(actor),
    action: 'finding.status_change',
    targetType: 'finding',
    targetId: findingId.toString(),
    detail: { ruleId: finding.ruleId, from: previous, to: status },
  });
  return { previous };
}

/** Assigns to an enabled analyst or admin, or unassigns with null. Returns the assignee's email. */
export async function assignFinding(
  actor: TriageActor,
  findingId: bigint,
  assigneeId: string | null,
): Promise<{ assigneeEmail: string | null }> {
  assertMayTriage(actor);
  const prisma = getPrisma();
  const finding = await currentOf(findingId);
  let assigneeEmail: string | null = null;
  if (assigneeId !== null) {
    const user = await prisma.user.findUnique({
      where: { id: assigneeId },
      select: { email: true, role: true, disabled: true },
    });
    if (!user || user.disabled || !hasRole(user.role, WRITE_ROLES)) {
      throw new TriageError('invalid', 'Findings can only be assigned to an enabled analyst or admin.');
    }
    assigneeEmail = user.email;
  }
  if (finding.assigneeId === assigneeId) return { assigneeEmail };
  await prisma.finding.update({ where: { id: findingId }, data: { assigneeId, updatedAt: new Date() } });
  await recordAudit({
    actor: auditActor(actor),
    action: 'finding.assign',
    targetType: 'finding',
    targetId: findingId.toString(),
    detail: { ruleId: finding.ruleId, from: finding.assigneeId, to: assigneeId, toEmail: assigneeEmail },
  });
  return { assigneeEmail };
}

/** Stores the note as typed (trimmed at the ends only, so line breaks survive). */
export async function addFindingNote(
  actor: TriageActor,
  findingId: bigint,
  body: string,
): Promise<{ noteId: bigint }> {
  assertMayTriage(actor);
  const text = body.trim();
  if (!text) throw new TriageError('invalid', 'Write something in the note first.');
  if (text.length > NOTE_MAX_LENGTH) {
    throw new TriageError(
      'invalid',
      `Notes hold at most ${NOTE_MAX_LENGTH.toLocaleString('en-US')} characters.`,
    );
  }
  const finding = await currentOf(findingId);
  const prisma = getPrisma();
  const note = await prisma.$transaction(async (tx) => {
    const created = await tx.findingNote.create({
      data: { findingId, authorId: actor.userId, body: text },
      select: { id: true },
    });
    await tx.finding.update({ where: { id: findingId }, data: { updatedAt: new Date() } });
    return created;
  });
  await recordAudit({
    actor: auditActor(actor),
    action: 'finding.note_add',
    targetType: 'finding',
    targetId: findingId.toString(),
    detail: { ruleId: finding.ruleId, noteId: note.id.toString(), length: text.length },
  });
  return { noteId: note.id };
}
