import { getPrisma } from '@/lib/db/prisma';
import { Prisma } from '@/lib/generated/prisma/client';
import { JOB_COLUMNS, JOB_FROM, type RawJobRow, toJobRow } from './job-row';
import type { IngestJobRow } from './types';

/** The most recent jobs, newest first (ingest_job_created_at_idx). */
export async function getIngestJobs({ limit = 50 }: { limit?: number } = {}): Promise<IngestJobRow[]> {
  const rows = await getPrisma().$queryRaw<RawJobRow[]>(
    Prisma.sql`SELECT ${JOB_COLUMNS} FROM ${JOB_FROM} ORDER BY j.created_at DESC, j.id DESC LIMIT ${limit}`,
  );
  return rows.map(toJobRow);
}
