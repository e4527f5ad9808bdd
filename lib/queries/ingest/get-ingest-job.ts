import { getPrisma } from '@/lib/db/prisma';
import { Prisma } from '@/lib/generated/prisma/client';
import { JOB_COLUMNS, JOB_FROM, type RawJobRow, toJobRow } from './job-row';
import type { IngestJobRow } from './types';

export async function getIngestJob(jobId: bigint): Promise<IngestJobRow | null> {
  const rows = await getPrisma().$queryRaw<RawJobRow[]>(
    Prisma.sql`SELECT ${JOB_COLUMNS} FROM ${JOB_FROM} WHERE j.id = ${jobId}`,
  );
  return rows[0] ? toJobRow(rows[0]) : null;
}
