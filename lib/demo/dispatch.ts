// Turns an op name from a profile mix into a record: S3 pseudo-ops go through
// the S3 helpers (bucket-specific shapes), everything else through the catalog.

import { type CallOptions, callOp, type GenContext } from './actor';
import { ACCOUNTS, type AccountKind, accountKindOf, BUCKETS, TRAIL_BUCKET } from './org';
import type { Prng } from './prng';
import { accessDenied, type Caller, type DemoEvent } from './record';
import { type BucketRef, listBucketsEvent, objectKey, S3_CONFIG_READS, s3Event } from './s3';

const BUCKETS_BY_KIND: Record<AccountKind, BucketRef[]> = {
  management: [],
  prod: [],
  dev: [],
  security: [{ name: TRAIL_BUCKET, accountId: ACCOUNTS.security.id, region: 'us-east-1' }],
};
for (const b of Object.values(BUCKETS)) {
  BUCKETS_BY_KIND[b.account].push({ name: b.name, accountId: ACCOUNTS[b.account].id, region: b.region });
}

export function bucketRef(key: keyof typeof BUCKETS): BucketRef {
  const b = BUCKETS[key];
  return { name: b.name, accountId: ACCOUNTS[b.account].id, region: b.region };
}

export function bucketsIn(kind: AccountKind): BucketRef[] {
  return BUCKETS_BY_KIND[kind];
}

/** Plausible object sizes: mostly small, a long tail of large ones. */
export function objectBytes(rng: Prng, bucket: string): number {
  if (bucket.includes('backups')) return rng.range(40_000_000, 480_000_000);
  return Math.round(2_000 * Math.exp(rng.next() * 7));
}

const CONFIG_MISSING: Record<string, [string, string, number]> = {
  GetBucketPolicy: ['NoSuchBucketPolicy', 'The bucket policy does not exist', 0.3],
  GetBucketTagging: ['NoSuchTagSet', 'The TagSet does not exist', 0.4],
};

export function perform(
  g: GenContext,
  caller: Caller,
  op: string,
  region: string,
  time: number,
  opts: CallOptions = {},
): DemoEvent {
  const accountId = opts.accountId ?? caller.accountId;
  const kind = accountKindOf(accountId);
  const denied = opts.deny ? accessDenied(g.rng, 's3', op.slice(3), caller.arn) : undefined;
  if (op === 's3:ListBuckets') {
    const ev = listBucketsEvent(g.rng, time, caller, region);
    if (denied) {
      ev.record.errorCode = denied.code;
      ev.record.errorMessage = denied.message;
    }
    return ev;
  }
  const buckets = bucketsIn(kind);
  if ((op === 's3:config' || op === 's3:GetObject') && buckets.length > 0) {
    const bucket = g.rng.pick(buckets);
    if (op === 's3:GetObject') {
      return s3Event(g.rng, {
        time,
        caller,
        bucket,
        name: 'GetObject',
        key: objectKey(g.rng, bucket.name, time),
        bytesOut: denied ? 0 : objectBytes(g.rng, bucket.name),
        readOnly: true,
        error: denied,
      });
    }
    const [name, sub] = g.rng.pick(S3_CONFIG_READS);
    const missing = CONFIG_MISSING[name];
    const error =
      denied ?? (missing && g.rng.chance(missing[2]) ? { code: missing[0], message: missing[1] } : undefined);
    return s3Event(g.rng, {
      time,
      caller,
      bucket,
      name,
      extraParams: { [sub]: '' },
      readOnly: true,
      error,
    });
  }
  if (op.startsWith('s3:')) return listBucketsEvent(g.rng, time, caller, region);
  return callOp(g, caller, op, region, time, opts);
}
