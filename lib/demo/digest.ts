// CloudTrail-Digest files for the demo trail.
//
// Hash rule (the same one `aws cloudtrail validate-logs` applies, see
// awscli/customizations/cloudtrail/validation.py): `logFiles[].hashValue` is the
// SHA-256 hex of the *uncompressed* log file, and `previousDigestHashValue` is
// the SHA-256 hex of the previous digest file's *uncompressed* JSON. A verifier
// must gunzip before hashing. The RSA signature cannot be reproduced offline
// (AWS keeps the key, and the signature lives in S3 object metadata), so
// `previousDigestSignature` is random hex of the right length.
//
// Deviation from AWS, to keep the demo small: AWS writes a digest every hour
// for every region even when no log file was delivered; we skip hours without
// log files, and the next digest's digestStartTime is the previous
// digestEndTime, so the chain stays continuous.

import { createHash } from 'node:crypto';
import type { FileSink } from './file-sink';
import { HOME_REGION, ORG_ID, TRAIL_BUCKET, TRAIL_NAME } from './org';
import { hashString, type Prng } from './prng';
import { compactSecond, datePath, HOUR, isoSeconds } from './time';
import type { WrittenLogFile } from './writer';

interface HourGroup {
  account: string;
  region: string;
  index: number;
  offset: number;
  files: WrittenLogFile[];
}

interface ChainLink {
  key: string;
  sha256: string;
  signature: string;
  end: number;
}

export class DigestWriter {
  private readonly hours = new Map<string, HourGroup>();
  private readonly chains = new Map<string, ChainLink>();
  private readonly fingerprint: string;
  count = 0;

  constructor(
    private readonly rng: Prng,
    private readonly sink: FileSink,
  ) {
    this.fingerprint = rng.hex(32);
  }

  addLogFile(file: WrittenLogFile): void {
    // Each account/region delivers its digest at its own, stable minute past the hour.
    const offset = (60 + (hashString(`${file.account}/${file.region}`) % 1140)) * 1000;
    const index = Math.floor((file.delivered - offset) / HOUR);
    const key = `${file.account}|${file.region}|${index}`;
    let group = this.hours.get(key);
    if (!group) {
      group = { account: file.account, region: file.region, index, offset, files: [] };
      this.hours.set(key, group);
    }
    group.files.push(file);
  }

  async flushUntil(until: number): Promise<void> {
    const ready = [...this.hours.entries()]
      .filter(([, g]) => (g.index + 1) * HOUR + g.offset <= until)
      .sort(([, a], [, b]) => a.index - b.index || cmp(a.account, b.account) || cmp(a.region, b.region));
    for (const [key, group] of ready) {
      this.hours.delete(key);
      await this.writeDigest(group);
    }
  }

  async finish(): Promise<void> {
    await this.flushUntil(Number.POSITIVE_INFINITY);
  }

  private async writeDigest(group: HourGroup): Promise<void> {
    const chainKey = `${group.account}|${group.region}`;
    const previous = this.chains.get(chainKey);
    const end = (group.index + 1) * HOUR + group.offset;
    const start = previous ? previous.end : end - HOUR;
    const key = `AWSLogs/${ORG_ID}/${group.account}/CloudTrail-Digest/${group.region}/${datePath(end)}/${group.account}_CloudTrail-Digest_${group.region}_${TRAIL_NAME}_${HOME_REGION}_${compactSecond(end)}.json.gz`;
    this.sink.dispatch();
    const hashes = await Promise.all(group.files.map((f) => f.sha256));
    let oldest = Number.POSITIVE_INFINITY;
    let newest = 0;
    for (const f of group.files) {
      oldest = Math.min(oldest, f.oldest);
      newest = Math.max(newest, f.newest);
    }
    const digest = {
      awsAccountId: group.account,
      digestStartTime: isoSeconds(start),
      digestEndTime: isoSeconds(end),
      digestS3Bucket: TRAIL_BUCKET,
      digestS3Object: key,
      digestPublicKeyFingerprint: this.fingerprint,
      digestSignatureAlgorithm: 'SHA256withRSA',
      newestEventTime: isoSeconds(newest),
      oldestEventTime: isoSeconds(oldest),
      previousDigestS3Bucket: previous ? TRAIL_BUCKET : null,
      previousDigestS3Object: previous ? previous.key : null,
      previousDigestHashValue: previous ? previous.sha256 : null,
      previousDigestHashAlgorithm: previous ? 'SHA-256' : null,
      previousDigestSignature: previous ? previous.signature : null,
      logFiles: group.files.map((f, i) => ({
        s3Bucket: TRAIL_BUCKET,
        s3Object: f.key,
        hashValue: hashes[i],
        hashAlgorithm: 'SHA-256',
        newestEventTime: isoSeconds(f.newest),
        oldestEventTime: isoSeconds(f.oldest),
      })),
    };
    const text = JSON.stringify(digest);
    this.chains.set(chainKey, {
      key,
      sha256: createHash('sha256').update(text, 'latin1').digest('hex'),
      signature: this.rng.hex(512),
      end,
    });
    this.count++;
    await this.sink.write(key, text, false);
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
