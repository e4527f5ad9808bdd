import { getPrisma } from '@/lib/db/prisma';
import { FILE_STATUSES, type FileStatus } from './types';

/** How many of a job's files are in each status, for the manifest's filter tabs. */
export async function getIngestFileCounts(jobId: bigint): Promise<Record<FileStatus, number>> {
  const groups = await getPrisma().ingestFile.groupBy({
    by: ['status'],
    where: { jobId },
    _count: { _all: true },
  });
  const counts = Object.fromEntries(FILE_STATUSES.map((status) => [status, 0])) as Record<FileStatus, number>;
  for (const group of groups) counts[group.status as FileStatus] = group._count._all;
  return counts;
}
