import 'server-only';
import { getPrisma } from '@/lib/db/prisma';
import type { Severity } from '@/lib/severity';
import type { CaseStatus } from './constants';
import { findEventTime } from './event-rows';

// Writes to cases. Callers (server actions) have already checked the session, the role and that
// the case is visible to it (access.ts); these functions only keep the data consistent.

export interface CaseFields {
  title: string;
  description: string;
  status: CaseStatus;
  severity: Severity;
  tags: string[];
}

export async function createCase(ownerId: string, fields: CaseFields): Promise<bigint> {
  const created = await getPrisma().investigation.create({
    data: { ...fields, ownerId },
    select: { id: true },
  });
  return created.id;
}

/** Returns the fields that changed, for the audit log. */
export async function updateCase(caseId: bigint, fields: CaseFields): Promise<Partial<CaseFields>> {
  const prisma = getPrisma();
  const before = await prisma.investigation.findUniqueOrThrow({ where: { id: caseId } });
  const changed: Partial<CaseFields> = {};
  for (const key of ['title', 'description', 'status', 'severity'] as const) {
    if (before[key] !== fields[key]) Object.assign(changed, { [key]: fields[key] });
  }
  if (before.tags.join('\u0000') !== fields.tags.join('\u0000')) changed.tags = fields.tags;
  if (Object.keys(changed).length > 0) {
    await prisma.investigation.update({ where: { id: caseId }, data: { ...fields, updatedAt: new Date() } });
  }
  return changed;
}

export async function touchCase(caseId: bigint): Promise<void> {
  await getPrisma().investigation.update({ where: { id: caseId }, data: { updatedAt: new Date() } });
}

export async function addMember(caseId: bigint, userId: string): Promise<void> {
  await getPrisma().investigationMember.upsert({
    where: { caseId_userId: { caseId, userId } },
    create: { caseId, userId },
    update: {},
  });
}

export async function removeMember(caseId: bigint, userId: string): Promise<boolean> {
  const { count } = await getPrisma().investigationMember.deleteMany({ where: { caseId, userId } });
  return count > 0;
}

export type ItemTarget =
  | { kind: 'event'; accountId: string; eventId: string }
  | { kind: 'finding'; findingId: bigint }
  | { kind: 'principal'; principalId: bigint }
  | { kind: 'view'; viewUrl: string; label: string };

export type AddItemResult = { itemId: bigint; created: boolean } | { missing: true };

/**
 * Bookmarks a thing in a case. The thing must exist (an id typed by hand is checked); adding it
 * again keeps one row and only turns the star on or adds tags.
 */
export async function addItem(
  caseId: bigint,
  target: ItemTarget,
  options: { starred: boolean; tags: string[]; addedBy: string },
): Promise<AddItemResult> {
  const prisma = getPrisma();
  let data: Parameters<typeof prisma.investigationItem.create>[0]['data'];
  let existing: { id: bigint; tags: string[]; starred: boolean } | null;
  const select = { id: true, tags: true, starred: true } as const;
  switch (target.kind) {
    case 'event': {
      const eventTime = await findEventTime(target.accountId, target.eventId);
      if (!eventTime) return { missing: true };
      data = { caseId, kind: 'event', accountId: target.accountId, eventId: target.eventId, eventTime };
      existing = await prisma.investigationItem.findFirst({
        where: { caseId, kind: 'event', accountId: target.accountId, eventId: target.eventId },
        select,
      });
      break;
    }
    case 'finding': {
      if (!(await prisma.finding.findUnique({ where: { id: target.findingId }, select: { id: true } }))) {
        return { missing: true };
      }
      data = { caseId, kind: 'finding', findingId: target.findingId };
      existing = await prisma.investigationItem.findFirst({
        where: { caseId, kind: 'finding', findingId: target.findingId },
        select,
      });
      break;
    }
    case 'principal': {
      if (!(await prisma.principal.findUnique({ where: { id: target.principalId }, select: { id: true } }))) {
        return { missing: true };
      }
      data = { caseId, kind: 'principal', principalId: target.principalId };
      existing = await prisma.investigationItem.findFirst({
        where: { caseId, kind: 'principal', principalId: target.principalId },
        select,
      });
      break;
    }
    case 'view': {
      data = { caseId, kind: 'view', viewUrl: target.viewUrl, label: target.label };
      existing = await prisma.investigationItem.findFirst({
        where: { caseId, kind: 'view', viewUrl: target.viewUrl },
        select,
      });
      break;
    }
  }
  if (existing) {
    await prisma.investigationItem.update({
      where: { id: existing.id },
      data: {
        starred: existing.starred || options.starred,
        tags: [...new Set([...existing.tags, ...options.tags])],
        ...(target.kind === 'view' ? { label: target.label } : {}),
      },
    });
    await touchCase(caseId);
    return { itemId: existing.id, created: false };
  }
  const created = await prisma.investigationItem.create({
    data: { ...data, starred: options.starred, tags: options.tags, addedBy: options.addedBy },
    select: { id: true },
  });
  await touchCase(caseId);
  return { itemId: created.id, created: true };
}

/** The item's case id, or null when the item is not in `caseId` (a forged pair). */
export async function itemInCase(caseId: bigint, itemId: bigint): Promise<boolean> {
  return (await getPrisma().investigationItem.count({ where: { id: itemId, caseId } })) === 1;
}

export async function updateItem(
  itemId: bigint,
  change: { starred?: boolean; tags?: string[] },
): Promise<void> {
  await getPrisma().investigationItem.update({ where: { id: itemId }, data: change });
}

export async function removeItem(itemId: bigint): Promise<void> {
  await getPrisma().investigationItem.delete({ where: { id: itemId } });
}

export async function addNote(
  caseId: bigint,
  authorId: string,
  body: string,
  itemId: bigint | null,
): Promise<bigint> {
  const note = await getPrisma().investigationNote.create({
    data: { caseId, authorId, body, itemId },
    select: { id: true },
  });
  await touchCase(caseId);
  return note.id;
}
