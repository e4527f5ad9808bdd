import { getPrisma } from '@/lib/db/prisma';
import { Prisma } from '@/lib/generated/prisma/client';

export interface RejectReasonRow {
  reason: string;
  records: number;
  files: number;
}

/** Rejected records of a job summed by reason over its files, the most frequent first. */
export async function getIngestRejects(jobId: bigint): Promise<RejectReasonRow[]> {
  const rows = await getPrisma().$queryRaw<{ reason: string; records: bigint; files: bigint }[]>(Prisma.sql`
    SELECT r.key AS reason, sum(r.value::bigint)::bigint AS records, count(*)::bigint AS files
    FROM ingest_file f CROSS JOIN LATERAL jsonb_each_text(f.rejects) r
    WHERE f.job_id = ${jobId} AND f.rejects IS NOT NULL
    GROUP BY r.key
    ORDER BY records DESC, reason
    LIMIT 200`);
  return rows.map((row) => ({ reason: row.reason, records: Number(row.records), files: Number(row.files) }));
}
