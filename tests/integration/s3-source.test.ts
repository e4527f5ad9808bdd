import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  CreateBucketCommand,
  type ListObjectsV2CommandInput,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { createS3Source, type S3SourceOptions } from '../../lib/ingest/sources/s3-source';
import type { IngestSource, SourceFile, SourceFilters } from '../../lib/ingest/sources/types';

/**
 * s3rver runs in a child process: it signs ListObjectsV2 continuation tokens with DES, which the
 * OpenSSL 3 in Node 17+ only offers under --openssl-legacy-provider, so every truncated listing
 * (the pagination this test needs) would otherwise fail with a 500.
 */
const S3RVER_MAIN = createRequire(import.meta.url).resolve('s3rver');
const SERVER_SCRIPT = `
const S3rver = require(process.argv[1]);
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: process.argv[2] });
server.run().then(({ port }) => console.log(JSON.stringify({ port })));
process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
`;

function startS3rver(directory: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    ['--openssl-legacy-provider', '-e', SERVER_SCRIPT, S3RVER_MAIN, directory],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`s3rver exited early (${code})`)));
    child.stdout?.once('data', (data: Buffer) => resolve({ child, port: JSON.parse(data.toString()).port }));
  });
}

// s3rver checks signatures against this fixed key pair; fake credentials, for tests only.
const FAKE_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const BUCKET = 'trail-archive';
const ACC1 = '111111111111';
const ORG = 'o-abc123def4';
const ACC2 = '222222222222';
const DAYS = ['2025/12/31', '2026/03/01', '2026/03/02', '2026/03/03', '2026/03/04'];
const ACCOUNTS = [
  { base: `trails/AWSLogs/${ACC1}`, id: ACC1, regions: ['us-east-1', 'eu-west-1', 'ap-south-1'] },
  { base: `trails/AWSLogs/${ORG}/${ACC2}`, id: ACC2, regions: ['us-east-1', 'eu-west-1'] },
];

let server: ChildProcess;
let dataDir: string;
let endpoint: string;
const objects = new Map<string, Buffer>();
const savedEnv = { ...process.env };
type ListRequest = Pick<ListObjectsV2CommandInput, 'Prefix' | 'Delimiter' | 'ContinuationToken'>;

function testClient(requests: ListRequest[] = []): S3Client {
  const client = new S3Client({
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    credentials: FAKE_CREDENTIALS,
    // s3rver predates the flexible-checksum headers newer SDKs send by default.
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'ListObjectsV2Command') {
        const { Prefix, Delimiter, ContinuationToken } = args.input as ListObjectsV2CommandInput;
        requests.push({ Prefix, Delimiter, ContinuationToken });
      }
      return next(args);
    },
    { step: 'initialize', name: 'recordListRequests' },
  );
  return client;
}

function layoutKey(
  base: string,
  id: string,
  folder: string,
  region: string,
  day: string,
  tag: string,
): string {
  const stamp = `${day.replaceAll('/', '')}T1200Z`;
  return `${base}/${folder}/${region}/${day}/${id}_${folder}_${region}_${stamp}_${tag}.json.gz`;
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'th-s3rver-'));
  const started = await startS3rver(dataDir);
  server = started.child;
  const port = started.port;
  endpoint = `http://127.0.0.1:${port}`;
  const client = testClient();
  await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
  for (const account of ACCOUNTS) {
    for (const day of DAYS) {
      for (const region of account.regions) {
        const key = layoutKey(account.base, account.id, 'CloudTrail', region, day, region);
        objects.set(key, gzipSync(JSON.stringify({ Records: [{ eventID: key }] })));
      }
      const digest = layoutKey(account.base, account.id, 'CloudTrail-Digest', 'us-east-1', day, 'digest');
      objects.set(digest, gzipSync(JSON.stringify({ awsAccountId: account.id, logFiles: [] })));
    }
  }
  objects.set(
    layoutKey(ACCOUNTS[1]?.base ?? '', ACC2, 'CloudTrail-Insight', 'us-east-1', '2026/03/02', 'i'),
    gzipSync('{}'),
  );
  // Not CloudTrail layout: always listed, whatever the filters.
  objects.set('notes.json', Buffer.from('{"Records":[]}'));
  objects.set('exports/2026/events.json', Buffer.from('{"Records":[]}\n'));
  // Another service's logs under AWSLogs/: never listed.
  objects.set(`trails/AWSLogs/${ACC1}/elasticloadbalancing/us-east-1/2026/03/01/x.log.gz`, gzipSync('x'));
  for (const [Key, Body] of objects) await client.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body }));
  // s3rver 3.7.1 reports a common prefix only for a folder that directly holds an object (its
  // filesystem walk prunes deeper directories, lib/stores/filesystem.js listObjects), where S3
  // reports every folder. Zero-byte folder markers, as the S3 console creates, close that gap.
  const folders = new Set(
    [...objects.keys()].flatMap((k) =>
      k
        .split('/')
        .slice(0, -1)
        .map((_, i, parts) => `${parts.slice(0, i + 1).join('/')}/`),
    ),
  );
  for (const Key of folders) await client.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body: '' }));
});

afterAll(async () => {
  if (server?.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

afterEach(() => {
  process.env = { ...savedEnv };
});

async function listKeys(source: IngestSource, filters: SourceFilters = {}): Promise<string[]> {
  const keys: string[] = [];
  for await (const file of source.list(filters)) keys.push(file.path);
  return keys.sort();
}

function recordingSource(uri: string, options: S3SourceOptions = {}) {
  const requests: ListRequest[] = [];
  return { source: createS3Source(uri, { client: testClient(requests), ...options }), requests };
}

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const allCloudTrailKeys = () => [...objects.keys()].filter((k) => !k.includes('elasticloadbalancing')).sort();

test('account, region and date filters become prefixes: only the needed folders are listed', async () => {
  const { source, requests } = recordingSource(`s3://${BUCKET}`);
  const filters = {
    accounts: [ACC2],
    regions: ['us-east-1'],
    from: day('2026-03-02'),
    to: day('2026-03-03'),
  };
  const keys = await listKeys(source, filters);

  const acc2 = `trails/AWSLogs/${ORG}/${ACC2}`;
  expect(keys).toEqual(
    [
      'exports/2026/events.json',
      'notes.json',
      layoutKey(acc2, ACC2, 'CloudTrail', 'us-east-1', '2026/03/02', 'us-east-1'),
      layoutKey(acc2, ACC2, 'CloudTrail', 'us-east-1', '2026/03/03', 'us-east-1'),
      layoutKey(acc2, ACC2, 'CloudTrail-Digest', 'us-east-1', '2026/03/02', 'digest'),
      layoutKey(acc2, ACC2, 'CloudTrail-Digest', 'us-east-1', '2026/03/03', 'digest'),
      layoutKey(acc2, ACC2, 'CloudTrail-Insight', 'us-east-1', '2026/03/02', 'i'),
    ].sort(),
  );

  const listed = requests.map((r) => `${r.Prefix ?? ''}${r.Delimiter ? ' /' : ''}`).sort();
  const leaves = ['CloudTrail', 'CloudTrail-Digest', 'CloudTrail-Insight'].flatMap((kind) =>
    ['02', '03'].map((d) => `${acc2}/${kind}/us-east-1/2026/03/${d}/`),
  );
  expect(listed).toEqual(
    [
      ' /',
      'exports/ /',
      'exports/2026/ /',
      'trails/ /',
      'trails/AWSLogs/ /',
      `trails/AWSLogs/${ORG}/ /`,
      `${acc2}/ /`,
      `${acc2}/CloudTrail/ /`,
      `${acc2}/CloudTrail-Digest/ /`,
      `${acc2}/CloudTrail-Insight/ /`,
      ...leaves,
    ].sort(),
  );
  // Whatever the exact plan, nothing outside the filters was ever listed.
  for (const r of requests) {
    expect(r.Prefix ?? '').not.toMatch(new RegExp(`${ACC1}|eu-west-1|ap-south-1|2026/03/0[14]|2025/`));
  }
  expect(requests.filter((r) => !r.Delimiter).length).toBe(6);
  expect(requests.length).toBe(16);
});

test('without filters every CloudTrail folder is listed once, whole', async () => {
  const { source, requests } = recordingSource(`s3://${BUCKET}/`);
  expect(await listKeys(source)).toEqual(allCloudTrailKeys());
  const leaves = requests.filter((r) => !r.Delimiter).map((r) => r.Prefix);
  expect(leaves).toContain(`trails/AWSLogs/${ACC1}/CloudTrail/ap-south-1/`);
  expect(leaves.every((p) => p?.endsWith('/') && !p.includes('elasticloadbalancing'))).toBe(true);
  expect(leaves.length).toBe(8);
  expect(requests.length).toBe(21);
});

test('an open-ended range discovers the year folders instead of guessing days', async () => {
  const { source, requests } = recordingSource(`s3://${BUCKET}/trails/`);
  const keys = await listKeys(source, { accounts: [ACC1], regions: ['us-east-1'], to: day('2025-12-31') });
  const acc1 = `trails/AWSLogs/${ACC1}`;
  expect(keys).toEqual(
    [
      layoutKey(acc1, ACC1, 'CloudTrail', 'us-east-1', '2025/12/31', 'us-east-1'),
      layoutKey(acc1, ACC1, 'CloudTrail-Digest', 'us-east-1', '2025/12/31', 'digest'),
    ].sort(),
  );
  expect(requests.filter((r) => !r.Delimiter).map((r) => r.Prefix)).toEqual([
    `${acc1}/CloudTrail-Digest/us-east-1/2025/`,
    `${acc1}/CloudTrail/us-east-1/2025/`,
  ]);
});

test('a prefix below AWSLogs/ is listed directly and its keys still filtered by path', async () => {
  const prefix = `trails/AWSLogs/${ORG}/${ACC2}/CloudTrail/eu-west-1/2026/03/`;
  const { source, requests } = recordingSource(`s3://${BUCKET}/${prefix}`);
  const keys = await listKeys(source, { from: day('2026-03-03') });
  expect(keys.map((k) => k.slice(prefix.length, prefix.length + 2))).toEqual(['03', '04']);
  expect(requests).toEqual([{ Prefix: prefix }]);

  const excluded = recordingSource(`s3://${BUCKET}/${prefix}`);
  expect(await listKeys(excluded.source, { accounts: [ACC1] })).toEqual([]);
  expect(excluded.requests).toEqual([]);
});

test('pagination: a small page size returns the same keys over more requests', async () => {
  const { source, requests } = recordingSource(`s3://${BUCKET}/`, { maxKeys: 2 });
  expect(await listKeys(source)).toEqual(allCloudTrailKeys());
  expect(requests.filter((r) => r.ContinuationToken).length).toBeGreaterThan(10);
});

test('open() streams the exact stored bytes; the fingerprint is the ETag and size', async () => {
  const { source } = recordingSource(
    `s3://${BUCKET}/trails/AWSLogs/${ACC1}/CloudTrail/ap-south-1/2026/03/04/`,
  );
  let file: SourceFile | undefined;
  for await (const f of source.list({})) file = f;
  if (!file) throw new Error('expected one file');
  const expected = objects.get(file.path) as Buffer;
  const chunks: Buffer[] = [];
  for await (const chunk of await file.open()) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).equals(expected)).toBe(true);
  expect(file.size).toBe(expected.length);
  expect(file.fingerprint).toBe(
    `etag:${createHash('md5').update(expected).digest('hex')}:${expected.length}`,
  );
});

test('a URI naming one object lists that object', async () => {
  const { source } = recordingSource(`s3://${BUCKET}/notes.json`);
  expect(await listKeys(source)).toEqual(['notes.json']);
});

test('the default credential chain and an endpoint option reach an S3-compatible store', async () => {
  process.env.AWS_ACCESS_KEY_ID = FAKE_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = FAKE_CREDENTIALS.secretAccessKey;
  process.env.TRAILHOUND_S3_ENDPOINT = endpoint;
  const source = createS3Source(`s3://${BUCKET}/exports/`);
  expect(source.description).toBe(`s3://${BUCKET}/exports/`);
  expect(await listKeys(source)).toEqual(['exports/2026/events.json']);
});

test('clear errors name the bucket and the problem', async () => {
  const missing = recordingSource('s3://no-such-bucket/AWSLogs/').source;
  await expect(listKeys(missing)).rejects.toThrow(/S3 bucket "no-such-bucket" does not exist/);

  process.env.AWS_ACCESS_KEY_ID = FAKE_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = FAKE_CREDENTIALS.secretAccessKey;
  const unreachable = createS3Source(`s3://${BUCKET}/`, { endpoint: 'http://127.0.0.1:9' });
  await expect(listKeys(unreachable)).rejects.toThrow(
    /Cannot reach S3 at http:\/\/127\.0\.0\.1:9 for bucket "trail-archive"/,
  );

  const denied = createS3Source(`s3://${BUCKET}/`, {
    client: new S3Client({
      region: 'us-east-1',
      endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'UNKNOWN', secretAccessKey: 'nope' },
    }),
  });
  await expect(listKeys(denied)).rejects.toThrow(/Access denied to S3 bucket "trail-archive"/);

  expect(() => createS3Source('https://example.com/bucket')).toThrow(/Not an S3 URI/);
  expect(() => createS3Source('s3:///AWSLogs/')).toThrow(/Invalid S3 bucket name ""/);
  expect(() => createS3Source(`s3://${BUCKET}/`, { endpoint: 'localhost:9000' })).toThrow(
    /Invalid S3 endpoint/,
  );
});
