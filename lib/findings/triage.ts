// Triage of findings: status, assignee and notes. The server actions check the session first;
// these functions check the actor's role again and write the audit row, so the CLI or a future
// route handler cannot triage without the same rules.
import { recordAudit } from '@/lib/auth/audit';
import { hasRole, type Role, WRITE_ROLES } from '@/lib/auth/roles';
import { UserFacingError } from '@/lib/db/errors';
import { getPrisma } from '@/lib/db/prisma';
import type { Prisma } from '@/lib/generated/prisma/client';
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

interface LockedFinding {
  status: FindingStatus;
  assigneeId: string | null;
  ruleId: string;
}

/**
 * Reads the finding with its row locked, then applies `change` in the same transaction, so two
 * analysts changing one finding at once are serialised and each audit row's "from" is true.
 */
async function withLockedFinding<T>(
  findingId: bigint,
  change: (current: LockedFinding, tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  return getPrisma().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ status: string; assignee_id: string | null; rule_id: string }[]>`
      SELECT status, assignee_id::text AS assignee_id, rule_id FROM finding WHERE id = ${findingId} FOR UPDATE`;
    const row = rows[0];
    if (!row) throw new TriageError('not_found', `Finding #${findingId} does not exist.`);
    return change(
      { status: row.status as FindingStatus, assigneeId: row.assignee_id, ruleId: row.rule_id },
      tx,
    );
  });
}

/** Returns the previous status; an unchanged status writes nothing and audits nothing. */
export async function setFindingStatus(
  actor: TriageActor,
  findingId: bigint,
  status: FindingStatus,
): Promise<{ previous: FindingStatus }> {
  assertMayTriage(actor);
  // The audit row commits with the change, in lock order, so its "from" is what it replaced.
  const previous = await withLockedFinding(findingId, async (current, tx) => {
    if (current.status === status) return current.status;
    await tx.finding.update({ where: { id: findingId }, data: { status, updatedAt: new Date() } });
    await recordAudit(
      {
        actor: auditActor(actor),
        action: 'finding.status_change',
        targetType: 'finding',
        targetId: findingId.toString(),
        detail: { ruleId: current.ruleId, from: current.status, to: status },
      },
      tx,
    );
    return current.status;
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
  let assigneeEmail: string | null = null;
  if (assigneeId !== null) {
    const user = await getPrisma().user.findUnique({
      where: { id: assigneeId },
      select: { email: true, role: true, disabled: true },
    });
    if (!user || user.disabled || !hasRole(user.role, WRITE_ROLES)) {
      throw new TriageError('invalid', 'Findings can only be assigned to an enabled analyst or admin.');
    }
    assigneeEmail = user.email;
  }
  await withLockedFinding(findingId, async (current, tx) => {
    if (current.assigneeId === assigneeId) return;
    await tx.finding.update({ where: { id: findingId }, data: { assigneeId, updatedAt: new Date() } });
    await recordAudit(
      {
        actor: auditActor(actor),
        action: 'finding.assign',
        targetType: 'finding',
        targetId: findingId.toString(),
        detail: { ruleId: current.ruleId, from: current.assigneeId, to: assigneeId, toEmail: assigneeEmail },
      },
      tx,
    );
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
    // The note's id and length, not its text: notes may quote sensitive evidence.
    await recordAudit(
      {
        actor: auditActor(actor),
        action: 'finding.note_add',
        targetType: 'finding',
        targetId: findingId.toString(),
        detail: { ruleId: finding.ruleId, noteId: created.id.toString(), length: text.length },
      },
      tx,
    );
    return created;
  });
  return { noteId: note.id };
}
