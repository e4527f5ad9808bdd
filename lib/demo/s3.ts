// S3 records differ from other services: virtual-host style Host headers,
// 16-hex request ids, byte counts and x-amz-id-2 in additionalEventData, and
// object-level resources. Data events also set managementEvent false.

import type { Prng } from './prng';
import { buildEvent, type Caller, type DemoEvent } from './record';

export interface BucketRef {
  name: string;
  accountId: string;
  region: string;
}

export interface S3Call {
  time: number;
  caller: Caller;
  bucket: BucketRef;
  name: string;
  key?: string;
  prefix?: string;
  bytesOut?: number;
  bytesIn?: number;
  extraParams?: Record<string, unknown>;
  response?: unknown;
  readOnly: boolean;
  error?: { code: string; message: string };
}

const DATA_EVENTS = new Set([
  'GetObject',
  'PutObject',
  'HeadObject',
  'DeleteObject',
  'ListObjects',
  'CopyObject',
]);

export function s3Host(bucket: BucketRef): string {
  return `${bucket.name}.s3.${bucket.region}.amazonaws.com`;
}

function additionalData(rng: Prng, bytesIn: number, bytesOut: number | undefined): Record<string, unknown> {
  const data: Record<string, unknown> = {
    SignatureVersion: 'SigV4',
    CipherSuite: 'TLS_AES_128_GCM_SHA256',
    bytesTransferredIn: bytesIn,
    AuthenticationMethod: 'AuthHeader',
    'x-amz-id-2': `${rng.base64(75)}=`,
  };
  if (bytesOut !== undefined) data.bytesTransferredOut = bytesOut;
  return data;
}

export function s3Event(rng: Prng, call: S3Call): DemoEvent {
  const { bucket } = call;
  const data = DATA_EVENTS.has(call.name);
  const host = s3Host(bucket);
  const params: Record<string, unknown> = { bucketName: bucket.name, Host: host };
  const resources: Record<string, unknown>[] = [];
  if (call.key !== undefined) {
    params.key = call.key;
    resources.push({ type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${bucket.name}/${call.key}` });
  } else if (call.name === 'ListObjects') {
    Object.assign(params, { 'list-type': '2', 'encoding-type': 'url', prefix: call.prefix ?? '' });
    resources.push({
      type: 'AWS::S3::Object',
      ARNPrefix: `arn:aws:s3:::${bucket.name}/${call.prefix ?? ''}`,
    });
  }
  if (call.extraParams) Object.assign(params, call.extraParams);
  resources.push({
    accountId: bucket.accountId,
    type: 'AWS::S3::Bucket',
    ARN: `arn:aws:s3:::${bucket.name}`,
  });
  return buildEvent(rng, {
    time: call.time,
    caller: call.caller,
    service: 's3',
    name: call.name,
    region: bucket.region,
    readOnly: call.readOnly,
    params,
    response: call.response,
    error: call.error,
    additionalEventData: additionalData(rng, call.bytesIn ?? 0, call.bytesOut ?? (data ? 0 : undefined)),
    resources,
    category: data ? 'Data' : 'Management',
    recipientAccountId: bucket.accountId,
    tlsHost: host,
  });
}

/** ListBuckets is account-wide: no bucket in the Host header or resources. */
export function listBucketsEvent(rng: Prng, time: number, caller: Caller, region: string): DemoEvent {
  return buildEvent(rng, {
    time,
    caller,
    service: 's3',
    name: 'ListBuckets',
    region,
    readOnly: true,
    params: { Host: `s3.${region}.amazonaws.com` },
    additionalEventData: additionalData(rng, 0, undefined),
    tlsHost: `s3.${region}.amazonaws.com`,
  });
}

/** Bucket-configuration reads and writes name the configuration as an empty sub-resource key. */
export const S3_CONFIG_READS: [string, string][] = [
  ['GetBucketLocation', 'location'],
  ['GetBucketPolicy', 'policy'],
  ['GetBucketAcl', 'acl'],
  ['GetBucketVersioning', 'versioning'],
  ['GetBucketEncryption', 'encryption'],
  ['GetBucketPublicAccessBlock', 'publicAccessBlock'],
  ['GetBucketTagging', 'tagging'],
  ['GetBucketLogging', 'logging'],
];

export function objectKey(rng: Prng, bucket: string, time: number): string {
  const day = new Date(time).toISOString().slice(0, 10);
  if (bucket.includes('backups')) {
    return `postgres/payments/${day}/base-${rng.hex(8)}.tar.zst`;
  }
  if (bucket.includes('uploads')) return `avatars/${rng.hex(2)}/${rng.uuid()}.webp`;
  if (bucket.includes('artifacts'))
    return `builds/${rng.pick(['storefront', 'payments-api'])}/${rng.hex(12)}.zip`;
  if (bucket.includes('terraform')) return `${rng.pick(['network', 'storefront', 'iam'])}/terraform.tfstate`;
  return `static/${rng.pick(['js', 'css', 'img'])}/${rng.hex(10)}.${rng.pick(['js', 'css', 'png'])}`;
}
