import { z } from 'zod';

/**
 * Offline CloudTrail log-file validation: the hashes a digest file promises, checked against the
 * files a job was actually given.
 *
 * Hashing rule (AWS CloudTrail User Guide, "CloudTrail digest file structure", field list,
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-digest-file-structure.html):
 * - `logFiles.hashValue`: "The hexadecimal encoded hash value of the uncompressed log file content",
 *   i.e. SHA-256 of the gunzipped JSON, not of the `.json.gz` object as stored in S3.
 * - `previousDigestHashValue`: "The hexadecimal encoded hash value of the uncompressed contents of
 *   the previous digest file".
 * The "Custom implementations of CloudTrail log file integrity validation" page says the same, and
 * `aws cloudtrail validate-logs` gunzips each log file while hashing it (aws/aws-cli,
 * awscli/customizations/cloudtrail/validation.py). A starting digest has the previous* fields null.
 * The RSA signature lives in S3 object metadata, which a plain download loses, so it is not checked.
 */

export interface DigestLogFile {
  s3Bucket: string;
  s3Object: string;
  hashValue: string;
  hashAlgorithm: string;
  newestEventTime?: string | null;
  oldestEventTime?: string | null;
}

export interface Digest {
  /** Where the job found the digest (S3 key or relative path). */
  path: string;
  awsAccountId: string;
  digestStartTime: string;
  digestEndTime: string;
  digestS3Bucket: string | null;
  digestS3Object: string | null;
  /** Null on the first digest of a chain, or after logging or validation was switched off. */
  previousDigestS3Bucket: string | null;
  previousDigestS3Object: string | null;
  previousDigestHashValue: string | null;
  previousDigestHashAlgorithm: string | null;
  logFiles: DigestLogFile[];
}

export type ParseDigestResult = { ok: true; digest: Digest } | { ok: false; reason: string };

/** What the job knows about a delivered file, keyed by its path. */
export interface DeliveredHash {
  /** SHA-256 of the bytes as delivered; for an uncompressed file this is also its content hash. */
  sha256: string;
  /** SHA-256 after gunzip, when the delivered file was compressed. */
  uncompressedSha256?: string;
}

/** One row of `digest_check` (prisma/migrations/0002_ingest). */
export interface DigestCheck {
  accountId: string;
  digestPath: string;
  /** The matched delivered path, or the key the digest lists when no delivered file matched. */
  subjectPath: string;
  kind: 'log-file' | 'previous-digest';
  expectedHash: string;
  actualHash: string | null;
  status: 'ok' | 'mismatch' | 'missing';
}

const SHA256 = 'SHA-256';
const hex = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, 'expected a hex SHA-256')
  .transform((s) => s.toLowerCase());
const optionalString = z
  .string()
  .nullish()
  .transform((s) => s ?? null);

const logFileSchema = z.object({
  s3Bucket: z.string(),
  s3Object: z.string().min(1),
  hashValue: hex,
  hashAlgorithm: z.literal(SHA256),
  newestEventTime: z.string().nullish(),
  oldestEventTime: z.string().nullish(),
});

const digestSchema = z
  .object({
    awsAccountId: z.string().min(1),
    digestStartTime: z.string(),
    digestEndTime: z.string(),
    digestS3Bucket: optionalString,
    digestS3Object: optionalString,
    previousDigestS3Bucket: optionalString,
    previousDigestS3Object: optionalString,
    previousDigestHashValue: hex.nullish().transform((s) => s ?? null),
    previousDigestHashAlgorithm: optionalString,
    logFiles: z.array(logFileSchema),
  })
  .refine((d) => !d.previousDigestHashValue || d.previousDigestHashAlgorithm === SHA256, {
    message: `previousDigestHashAlgorithm must be ${SHA256}`,
    path: ['previousDigestHashAlgorithm'],
  });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Recognises a digest by its content, whatever the file is called: a trail file has `Records` instead. */
export function isDigestDocument(obj: unknown): boolean {
  return (
    isRecord(obj) &&
    !('Records' in obj) &&
    typeof obj.awsAccountId === 'string' &&
    typeof obj.digestStartTime === 'string' &&
    typeof obj.digestEndTime === 'string' &&
    Array.isArray(obj.logFiles)
  );
}

export function parseDigest(json: unknown, path: string): ParseDigestResult {
  if (!isDigestDocument(json)) return { ok: false, reason: `${path}: not a CloudTrail digest document` };
  const parsed = digestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    return { ok: false, reason: `${path}: invalid digest (${where}${issue?.message ?? 'unknown problem'})` };
  }
  return { ok: true, digest: { path, ...parsed.data } };
}

const normalise = (p: string): string => p.replaceAll('\\', '/').replace(/^\/+/, '');
const basename = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

/**
 * Finds the delivered files that are the object a digest lists. A key matches a path when they are
 * equal or when one ends with the other at a `/` boundary: a local copy may sit under any folder
 * (`backup/AWSLogs/…` for `AWSLogs/…`), and a source opened below the trail prefix has paths shorter
 * than the keys (`AWSLogs/…` for `prefix/AWSLogs/…`). CloudTrail file names carry the account,
 * region, timestamp and a random suffix, so a basename collision is practically a copy of the same
 * file. Only the candidates with the longest overlap are kept.
 */
function createMatcher(delivered: Map<string, DeliveredHash>) {
  const byName = new Map<string, string[]>();
  for (const path of delivered.keys()) {
    const name = basename(normalise(path));
    byName.set(name, [...(byName.get(name) ?? []), path]);
  }
  return (key: string): string[] => {
    const wanted = normalise(key);
    let best: string[] = [];
    let bestLength = 0;
    for (const path of byName.get(basename(wanted)) ?? []) {
      const have = normalise(path);
      const [long, short] = have.length >= wanted.length ? [have, wanted] : [wanted, have];
      if (long !== short && !long.endsWith(`/${short}`)) continue;
      if (short.length > bestLength) {
        best = [path];
        bestLength = short.length;
      } else if (short.length === bestLength) best.push(path);
    }
    return best.sort();
  };
}

const contentHash = (entry: DeliveredHash): string =>
  (entry.uncompressedSha256 ?? entry.sha256).toLowerCase();

/**
 * Checks every log file a digest lists, and the digest's link to its predecessor, against the
 * delivered files. A subject that was not delivered is `missing` (a partial download is normal); a
 * hash that differs is a `mismatch`, the integrity problem the job reports. When several delivered
 * copies match one key, any differing copy makes the row a mismatch, naming that copy.
 */
export function verifyDigests(digests: Digest[], delivered: Map<string, DeliveredHash>): DigestCheck[] {
  const match = createMatcher(delivered);
  const checks: DigestCheck[] = [];
  const check = (digest: Digest, kind: DigestCheck['kind'], key: string, expectedHash: string) => {
    const candidates = match(key);
    const base = { accountId: digest.awsAccountId, digestPath: digest.path, kind, expectedHash };
    if (candidates.length === 0) {
      checks.push({ ...base, subjectPath: key, actualHash: null, status: 'missing' });
      return;
    }
    const hashed = candidates.map((path) => ({
      path,
      hash: contentHash(delivered.get(path) as DeliveredHash),
    }));
    const bad = hashed.find((c) => c.hash !== expectedHash);
    const chosen = bad ?? (hashed[0] as { path: string; hash: string });
    checks.push({
      ...base,
      subjectPath: chosen.path,
      actualHash: chosen.hash,
      status: bad ? 'mismatch' : 'ok',
    });
  };
  for (const digest of digests) {
    for (const logFile of digest.logFiles) check(digest, 'log-file', logFile.s3Object, logFile.hashValue);
    if (digest.previousDigestS3Object && digest.previousDigestHashValue) {
      check(digest, 'previous-digest', digest.previousDigestS3Object, digest.previousDigestHashValue);
    }
  }
  return checks;
}
