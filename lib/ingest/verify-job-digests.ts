import type pg from 'pg';
import { parseDigest, verifyDigests } from './digest';
import type { DeliveredFile } from './run-job';

/**
 * Validates the log files a job was given against the digests among them and stores one row
 * per check. Returns the number of integrity problems (hash mismatches).
 */
export async function verifyJobDigests(
  pool: pg.Pool,
  jobId: string,
  files: DeliveredFile[],
): Promise<number> {
  const digests = files.flatMap((file) =>
    file.documents.flatMap((document) => {
      const parsed = parseDigest(document, file.path);
      return parsed.ok ? [parsed.digest] : [];
    }),
  );
  if (!digests.length) return 0;
  const delivered = new Map(
    files
      .filter((file) => file.contentSha256)
      .map((file) => [
        file.path,
        { sha256: file.contentSha256 as string, uncompressedSha256: file.contentSha256 as string },
      ]),
  );
  const checks = verifyDigests(digests, delivered);
  for (const check of checks) {
    await pool.query(
      `INSERT INTO digest_check (job_id, account_id, digest_path, subject_path, kind, expected_hash, actual_hash, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        jobId,
        check.accountId,
        check.digestPath,
        check.subjectPath,
        check.kind,
        check.expectedHash,
        check.actualHash,
        check.status,
      ],
    );
  }
  return checks.filter((check) => check.status === 'mismatch').length;
}
