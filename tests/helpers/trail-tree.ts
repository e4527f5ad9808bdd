import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeRecord } from './memory-source';

/** One account/region/day folder of a trail, as CloudTrail delivers it to S3. */
export interface TrailFolder {
  account: string;
  region: string;
  /** Delivery day, `YYYY/MM/DD`. */
  day: string;
  /** Organisation trails put the org id between AWSLogs/ and the account. */
  org?: string;
  /** Whatever the bucket holds before AWSLogs/ (the trail's S3 key prefix). */
  prefix?: string;
}

export type TrailKind = 'CloudTrail' | 'CloudTrail-Digest' | 'CloudTrail-Insight';

const folderOf = (where: TrailFolder, kind: TrailKind): string =>
  [where.prefix, 'AWSLogs', where.org, where.account, kind, where.region, where.day]
    .filter(Boolean)
    .join('/');

/**
 * The key CloudTrail gives a log or insight file:
 * `<account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<unique>.json.gz`. `hhmm` is the delivery time.
 */
export function logKey(
  where: TrailFolder,
  hhmm: string,
  unique: string,
  kind: TrailKind = 'CloudTrail',
): string {
  const stamp = `${where.day.replaceAll('/', '')}T${hhmm}Z`;
  return `${folderOf(where, kind)}/${where.account}_${kind}_${where.region}_${stamp}_${unique}.json.gz`;
}

/** `<account>_CloudTrail-Digest_<region>_<trail>_<home region>_<YYYYMMDDTHHmmssZ>.json.gz` */
export function digestKey(where: TrailFolder, hhmmss: string, trail = 'management-events'): string {
  const stamp = `${where.day.replaceAll('/', '')}T${hhmmss}Z`;
  return `${folderOf(where, 'CloudTrail-Digest')}/${where.account}_CloudTrail-Digest_${where.region}_${trail}_us-east-1_${stamp}.json.gz`;
}

/** A stable, UUID-shaped eventID, so a corpus generated twice holds the same events. */
export function stableEventId(seed: string): string {
  const h = createHash('md5').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A valid record made by the named account in the named region at `time`. */
export function trailRecord(
  account: string,
  region: string,
  time: Date,
  seed: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return makeRecord({
    userIdentity: {
      type: 'IAMUser',
      principalId: 'AIDAEXAMPLE',
      arn: `arn:aws:iam::${account}:user/dana`,
      accountId: account,
      accessKeyId: 'AKIAEXAMPLEKEY000001',
      userName: 'dana',
    },
    eventTime: time.toISOString().replace('.000', ''),
    awsRegion: region,
    recipientAccountId: account,
    eventID: stableEventId(seed),
    requestID: stableEventId(`request:${seed}`),
    ...overrides,
  });
}

/** `count` records spread over the delivery day of `where`, identified by `tag` and their index. */
export function dayRecords(where: TrailFolder, tag: string, count: number): Record<string, unknown>[] {
  const start = Date.parse(`${where.day.replaceAll('/', '-')}T00:00:00Z`);
  const step = Math.floor((24 * 3600 * 1000) / Math.max(count, 1));
  return Array.from({ length: count }, (_, i) =>
    trailRecord(
      where.account,
      where.region,
      new Date(start + i * step),
      `${folderOf(where, 'CloudTrail')}/${tag}/${i}`,
    ),
  );
}

/** Writes `files` (relative path -> content) under `root`, creating folders as needed. */
export function writeTree(root: string, files: Map<string, Buffer | string>): void {
  for (const [relative, content] of files) {
    const target = path.join(root, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

export const sha256Hex = (content: Buffer | string): string =>
  createHash('sha256').update(content).digest('hex');

/** A log file as CloudTrail hashes it for a digest: the key and the uncompressed JSON. */
export interface HashedFile {
  key: string;
  content: string;
}

export interface DigestInput {
  account: string;
  bucket: string;
  /** The digest's own key. */
  key: string;
  start: string;
  end: string;
  logs: HashedFile[];
  /** The previous digest of the chain, or nothing for a chain's first digest. */
  previous?: HashedFile;
}

/**
 * The uncompressed JSON of a CloudTrail digest file: `logFiles[].hashValue` is the SHA-256 hex of
 * each log file's uncompressed content and `previousDigestHashValue` that of the previous digest's
 * uncompressed JSON (lib/ingest/digest.ts cites the AWS documentation). The signature is not
 * checkable offline, so any hex will do.
 */
export function digestDocument(input: DigestInput): string {
  return JSON.stringify({
    awsAccountId: input.account,
    digestStartTime: input.start,
    digestEndTime: input.end,
    digestS3Bucket: input.bucket,
    digestS3Object: input.key,
    digestPublicKeyFingerprint: '31e8b5433410dfb61a9dc45cc65b22ff',
    digestSignatureAlgorithm: 'SHA256withRSA',
    newestEventTime: input.logs.length ? input.end : null,
    oldestEventTime: input.logs.length ? input.start : null,
    previousDigestS3Bucket: input.previous ? input.bucket : null,
    previousDigestS3Object: input.previous?.key ?? null,
    previousDigestHashValue: input.previous ? sha256Hex(input.previous.content) : null,
    previousDigestHashAlgorithm: input.previous ? 'SHA-256' : null,
    previousDigestSignature: input.previous ? 'ab'.repeat(256) : null,
    logFiles: input.logs.map((log) => ({
      s3Bucket: input.bucket,
      s3Object: log.key,
      hashValue: sha256Hex(log.content),
      hashAlgorithm: 'SHA-256',
      newestEventTime: input.end,
      oldestEventTime: input.start,
    })),
  });
}
