import { getPrisma } from '@/lib/db/prisma';
import type { FindingNoteRow } from './types';

/** A finding's notes, oldest first, as a conversation reads. */
export async function getFindingNotes(findingId: bigint): Promise<FindingNoteRow[]> {
  const prisma = getPrisma();
  const notes = await prisma.findingNote.findMany({
    where: { findingId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, body: true, authorId: true, createdAt: true },
  });
  // finding_note has no Prisma relation to app_user (authors may be deleted), so look them up once.
  const authorIds = [...new Set(notes.flatMap((note) => (note.authorId ? [note.authorId] : [])))];
  const authors = authorIds.length
    ? await prisma.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, email: true } })
    : [];
  const emailOf = new Map(authors.map((author) => [author.id, author.email]));
  return notes.map((note) => ({
    id: note.id.toString(),
    body: note.body,
    authorEmail: note.authorId ? (emailOf.get(note.authorId) ?? null) : null,
    createdAt: note.createdAt.toISOString(),
  }));
}
