import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import type { IngestSource, SourceFile } from '../../lib/ingest/sources/types';

/** A file held in memory, for tests that shape bytes precisely (truncation, corruption). */
export function memoryFile(path: string, content: string | Buffer): SourceFile {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return {
    path,
    size: bytes.length,
    async open() {
      // Several chunks, so that records cross chunk boundaries as they do when reading files.
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += 4096) chunks.push(bytes.subarray(i, i + 4096));
      return Readable.from(chunks, { objectMode: false });
    },
  };
}

export function memorySource(files: SourceFile[], description = 'memory://test'): IngestSource {
  return {
    kind: 'upload',
    description,
    async *list() {
      yield* files;
    },
  };
}

export function gz(value: unknown): Buffer {
  return gzipSync(typeof value === 'string' ? value : JSON.stringify(value));
}

let counter = 0;

/** A minimal valid CloudTrail record; override any field. */
export function makeRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter++;
  return {
    eventVersion: '1.09',
    userIdentity: {
      type: 'IAMUser',
      principalId: 'AIDAEXAMPLE',
      arn: 'arn:aws:iam::111122223333:user/dana',
      accountId: '111122223333',
      accessKeyId: 'AKIAEXAMPLEKEY000001',
      userName: 'dana',
    },
    eventTime: new Date(Date.UTC(2026, 9, 1, 12, 0, counter % 60)).toISOString().replace('.000', ''),
    eventSource: 'sts.amazonaws.com',
    eventName: 'GetCallerIdentity',
    awsRegion: 'us-east-1',
    sourceIPAddress: '198.51.100.7',
    userAgent: 'aws-cli/2.15.0 Python/3.11.6 Linux/6.1',
    requestParameters: null,
    responseElements: null,
    requestID: `req-${counter}`,
    eventID: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    readOnly: true,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: '111122223333',
    eventCategory: 'Management',
    ...overrides,
  };
}
