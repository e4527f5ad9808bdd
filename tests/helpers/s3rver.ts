import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

/**
 * A real s3rver in a child process (see tests/integration/s3-source.test.ts for why: it signs
 * ListObjectsV2 continuation tokens with DES, which Node 17+ only has under --openssl-legacy-provider).
 */
const S3RVER_MAIN = createRequire(import.meta.url).resolve('s3rver');
const SERVER_SCRIPT = `
const S3rver = require(process.argv[1]);
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: process.argv[2] });
server.run().then(({ port }) => console.log(JSON.stringify({ port })));
process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
`;

/** s3rver checks signatures against this fixed key pair; fake credentials, for tests only. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** The environment a child process (the CLI) needs to reach s3rver through the default AWS chain. */
export const S3RVER_ENV = {
  AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
  AWS_REGION: 'us-east-1',
};

export interface S3rver {
  endpoint: string;
  client: S3Client;
  stop(): Promise<void>;
}

export async function startS3rver(): Promise<S3rver> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'th-s3rver-'));
  const child: ChildProcess = spawn(
    process.execPath,
    ['--openssl-legacy-provider', '-e', SERVER_SCRIPT, S3RVER_MAIN, directory],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`s3rver exited early (${code})`)));
    child.stdout?.once('data', (data: Buffer) => resolve(JSON.parse(data.toString()).port));
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    credentials: S3RVER_CREDENTIALS,
    // s3rver predates the flexible-checksum headers newer SDKs send by default.
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  return {
    endpoint,
    client,
    async stop() {
      client.destroy();
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/**
 * Creates the bucket and uploads `objects`, plus a zero-byte marker for every folder: s3rver 3.7.1
 * reports a common prefix only for a folder that directly holds an object, where S3 reports every
 * folder, and the markers (as the S3 console creates them) close that gap.
 */
export async function fillBucket(
  client: S3Client,
  bucket: string,
  objects: Map<string, Buffer>,
): Promise<void> {
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  for (const [Key, Body] of objects) await client.send(new PutObjectCommand({ Bucket: bucket, Key, Body }));
  const folders = new Set(
    [...objects.keys()].flatMap((key) =>
      key
        .split('/')
        .slice(0, -1)
        .map((_, i, parts) => `${parts.slice(0, i + 1).join('/')}/`),
    ),
  );
  for (const Key of folders)
    await client.send(new PutObjectCommand({ Bucket: bucket, Key, Body: Buffer.alloc(0) }));
}
