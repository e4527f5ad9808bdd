import { getPrisma } from '@/lib/db/prisma';
import type { FileStatus, IngestFileRow } from './types';

export const FILES_PAGE_SIZE = 50;

/** One page of a job's manifest in the order the files were reached, optionally one status only. */
export async function getIngestFiles(
  jobId: bigint,
  { status, page = 1 }: { status?: FileStatus; page?: number } = {},
): Promise<IngestFileRow[]> {
  const rows = await getPrisma().ingestFile.findMany({
    where: { jobId, ...(status ? { status } : {}) },
    select: {
      id: true,
      path: true,
      size: true,
      kind: true,
      status: true,
      eventsInserted: true,
      eventsDuplicate: true,
      eventsRejected: true,
      error: true,
    },
    orderBy: { id: 'asc' },
    skip: (page - 1) * FILES_PAGE_SIZE,
    take: FILES_PAGE_SIZE,
  });
  return rows.map((row) => ({
    ...row,
    id: row.id.toString(),
    size: row.size === null ? null : Number(row.size),
    status: row.status as FileStatus,
  }));
}
