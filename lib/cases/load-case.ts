import 'server-only';
import { getPrisma } from '@/lib/db/prisma';
import type { Severity } from '@/lib/severity';
import type { CaseStatus } from './constants';
import { type CaseEventRow, loadEventsByKey } from './event-rows';

// One read of everything a case page, its report and its share page show. References are
// resolved here; a bookmark whose target has gone (an event purged, a principal merged) stays
// visible as "no longer stored" rather than disappearing from the story.

export interface FindingSummary {
  id: string;
  ruleId: string;
  severity: Severity;
  title: string;
  summary: string;
  status: string;
  accountId: string;
  principalId: string | null;
  principalKey: string;
  firstSeen: Date;
  lastSeen: Date;
  eventCount: number;
}

export interface PrincipalSummary {
  id: string;
  accountId: string;
  name: string;
  principalType: string;
  arn: string | null;
}

interface ItemBase {
  id: string;
  starred: boolean;
  tags: string[];
  addedAt: Date;
  addedBy: string | null;
}

export type CaseItemView = ItemBase &
  (
    | { kind: 'event'; accountId: string; eventId: string; eventTime: Date; event: CaseEventRow | null }
    | { kind: 'finding'; findingId: string; finding: FindingSummary | null }
    | { kind: 'principal'; principalId: string; principal: PrincipalSummary | null }
    | { kind: 'view'; viewUrl: string; label: string }
  );

export interface CaseNoteView {
  id: string;
  body: string;
  author: string | null;
  createdAt: Date;
  itemId: string | null;
}

export interface CaseDetail {
  id: string;
  title: string;
  description: string;
  status: CaseStatus;
  severity: Severity;
  tags: string[];
  ownerId: string | null;
  owner: string | null;
  createdAt: Date;
  updatedAt: Date;
  members: { userId: string; email: string }[];
  items: CaseItemView[];
  notes: CaseNoteView[];
}

export async function loadCase(caseId: bigint): Promise<CaseDetail | null> {
  const prisma = getPrisma();
  const row = await prisma.investigation.findUnique({
    where: { id: caseId },
    include: {
      members: { orderBy: { addedAt: 'asc' } },
      items: { orderBy: { addedAt: 'asc' } },
      notes: { orderBy: { createdAt: 'asc' } },
    },
  });
  if (!row) return null;

  const userIds = new Set<string>();
  if (row.ownerId) userIds.add(row.ownerId);
  for (const member of row.members) userIds.add(member.userId);
  for (const item of row.items) if (item.addedBy) userIds.add(item.addedBy);
  for (const note of row.notes) if (note.authorId) userIds.add(note.authorId);
  const users = await prisma.user.findMany({
    where: { id: { in: [...userIds] } },
    select: { id: true, email: true },
  });
  const emailOf = new Map(users.map((user) => [user.id, user.email]));

  const eventItems = row.items.filter((item) => item.kind === 'event');
  const findingIds = row.items.flatMap((item) => (item.findingId ? [item.findingId] : []));
  const principalIds = row.items.flatMap((item) => (item.principalId ? [item.principalId] : []));
  const [events, findings, principals] = await Promise.all([
    loadEventsByKey(
      eventItems.map((item) => ({
        accountId: item.accountId ?? '',
        eventId: item.eventId ?? '',
        eventTime: item.eventTime ?? new Date(0),
      })),
    ),
    loadFindings(findingIds),
    prisma.principal.findMany({ where: { id: { in: principalIds } } }),
  ]);
  const eventByKey = new Map(events.map((event) => [`${event.accountId}\u0000${event.eventId}`, event]));
  const findingById = new Map(findings.map((finding) => [finding.id, finding]));
  const principalById = new Map(
    principals.map((principal) => [
      principal.id.toString(),
      {
        id: principal.id.toString(),
        accountId: principal.accountId,
        name: principal.name,
        principalType: principal.principalType,
        arn: principal.arn,
      } satisfies PrincipalSummary,
    ]),
  );

  const items = row.items.flatMap((item): CaseItemView[] => {
    const base: ItemBase = {
      id: item.id.toString(),
      starred: item.starred,
      tags: item.tags,
      addedAt: item.addedAt,
      addedBy: item.addedBy ? (emailOf.get(item.addedBy) ?? null) : null,
    };
    if (item.kind === 'event' && item.accountId && item.eventId && item.eventTime) {
      const event = eventByKey.get(`${item.accountId}\u0000${item.eventId}`) ?? null;
      return [
        {
          ...base,
          kind: 'event',
          accountId: item.accountId,
          eventId: item.eventId,
          eventTime: item.eventTime,
          event,
        },
      ];
    }
    if (item.kind === 'finding' && item.findingId) {
      const findingId = item.findingId.toString();
      return [{ ...base, kind: 'finding', findingId, finding: findingById.get(findingId) ?? null }];
    }
    if (item.kind === 'principal' && item.principalId) {
      const principalId = item.principalId.toString();
      return [{ ...base, kind: 'principal', principalId, principal: principalById.get(principalId) ?? null }];
    }
    if (item.kind === 'view' && item.viewUrl && item.label) {
      return [{ ...base, kind: 'view', viewUrl: item.viewUrl, label: item.label }];
    }
    return [];
  });

  return {
    id: row.id.toString(),
    title: row.title,
    description: row.description,
    status: row.status as CaseStatus,
    severity: row.severity as Severity,
    tags: row.tags,
    ownerId: row.ownerId,
    owner: row.ownerId ? (emailOf.get(row.ownerId) ?? null) : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    members: row.members.map((member) => ({
      userId: member.userId,
      email: emailOf.get(member.userId) ?? '',
    })),
    items,
    notes: row.notes.map((note) => ({
      id: note.id.toString(),
      body: note.body,
      author: note.authorId ? (emailOf.get(note.authorId) ?? null) : null,
      createdAt: note.createdAt,
      itemId: note.itemId?.toString() ?? null,
    })),
  };
}

async function loadFindings(ids: readonly bigint[]): Promise<FindingSummary[]> {
  if (ids.length === 0) return [];
  const rows = await getPrisma().finding.findMany({ where: { id: { in: [...ids] } } });
  return rows.map((row) => ({
    id: row.id.toString(),
    ruleId: row.ruleId,
    severity: row.severity as Severity,
    title: row.title,
    summary: row.summary,
    status: row.status,
    accountId: row.accountId,
    principalId: row.principalId?.toString() ?? null,
    principalKey: row.principalKey,
    firstSeen: row.firstSeen,
    lastSeen: row.lastSeen,
    eventCount: row.eventCount,
  }));
}
