import { getPrisma } from '@/lib/db/prisma';
import type { IngestFileError } from './types';

/** The failed files of a job, first failures first, with how many there are in all. */
export async function getIngestJobErrors(
  jobId: bigint,
  { limit = 50 }: { limit?: number } = {},
): Promise<{ errors: IngestFileError[]; total: number }> {
  const prisma = getPrisma();
  const where = { jobId, status: 'failed' };
  const [rows, total] = await Promise.all([
    prisma.ingestFile.findMany({
      where,
      select: { path: true, error: true },
      orderBy: { id: 'asc' },
      take: limit,
    }),
    prisma.ingestFile.count({ where }),
  ]);
  return {
    errors: rows.map((row) => ({ path: row.path, message: row.error ?? 'failed' })),
    total,
  };
}
