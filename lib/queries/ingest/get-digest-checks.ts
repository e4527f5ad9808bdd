import { getPrisma } from '@/lib/db/prisma';
import { Prisma } from '@/lib/generated/prisma/client';
import type { DigestCheckRow } from './types';

export interface DigestCheckSummary {
  rows: DigestCheckRow[];
  /** Over all of the job's checks, whatever `problemsOnly` listed. */
  counts: Record<DigestCheckRow['status'], number>;
}

type Raw = Omit<DigestCheckRow, 'id'> & { id: string | null; ok: bigint; mismatch: bigint; missing: bigint };

/**
 * A job's digest checks, mismatches first, then files a digest lists but the source lacked, then
 * matches (left out with `problemsOnly`: a clean trail has thousands). Totals come from one scan.
 */
export async function getDigestChecks(
  jobId: bigint,
  { problemsOnly = false, limit = 200 }: { problemsOnly?: boolean; limit?: number } = {},
): Promise<DigestCheckSummary> {
  const rows = await getPrisma().$queryRaw<Raw[]>(Prisma.sql`
    WITH counts AS (
      SELECT count(*) FILTER (WHERE status = 'ok') AS ok,
        count(*) FILTER (WHERE status = 'mismatch') AS mismatch,
        count(*) FILTER (WHERE status = 'missing') AS missing
      FROM digest_check WHERE job_id = ${jobId}
    )
    SELECT d.id, d."accountId", d."digestPath", d."subjectPath", d.kind, d."expectedHash", d."actualHash",
      d.status, c.ok, c.mismatch, c.missing
    FROM counts c
    LEFT JOIN LATERAL (
      SELECT id::text AS id, account_id AS "accountId", digest_path AS "digestPath",
        subject_path AS "subjectPath", kind, expected_hash AS "expectedHash", actual_hash AS "actualHash", status
      FROM digest_check
      WHERE job_id = ${jobId} ${problemsOnly ? Prisma.sql`AND status <> 'ok'` : Prisma.empty}
      ORDER BY CASE status WHEN 'mismatch' THEN 0 WHEN 'missing' THEN 1 ELSE 2 END, id
      LIMIT ${limit}
    ) d ON true`);
  const first = rows[0];
  return {
    rows: rows.flatMap(({ id, ok: _ok, mismatch: _mismatch, missing: _missing, ...row }) =>
      id === null ? [] : [{ id, ...row }],
    ),
    counts: {
      ok: Number(first?.ok ?? 0),
      mismatch: Number(first?.mismatch ?? 0),
      missing: Number(first?.missing ?? 0),
    },
  };
}
