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
  await pool.query(
    `INSERT INTO digest_check (job_id, account_id, digest_path, subject_path, kind, expected_hash, actual_hash, status)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])`,
    [
      jobId,
      checks.map((check) => check.accountId),
      checks.map((check) => check.digestPath),
      checks.map((check) => check.subjectPath),
      checks.map((check) => check.kind),
      checks.map((check) => check.expectedHash),
      checks.map((check) => check.actualHash),
      checks.map((check) => check.status),
    ],
  );
  return checks.filter((check) => check.status === 'mismatch').length;
}
