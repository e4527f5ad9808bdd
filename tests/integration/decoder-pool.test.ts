import { expect, test } from 'vitest';
import { DEFAULT_DECODE_LIMITS } from '../../lib/ingest/decoded-stream';
import { createDecoderPool } from '../../lib/ingest/decoder-pool';
import { setupIngestDatabase } from '../helpers/ingest-database';
import { gz, makeRecord } from '../helpers/memory-source';

const db = setupIngestDatabase();

const files = () => [
  {
    fileRowId: '1',
    path: 'a.json.gz',
    bytes: gz({ Records: [makeRecord(), makeRecord({ errorCode: 'Boom', errorMessage: 'x\ty' })] }),
  },
  {
    fileRowId: '2',
    path: 'b.json',
    bytes: Buffer.from(JSON.stringify([makeRecord({ errorCode: 'AccessDenied' })])),
  },
  // Damaged: left to the streaming path.
  { fileRowId: '3', path: 'c.json.gz', bytes: gz({ Records: [makeRecord()] }).subarray(0, 20) },
];

test('worker threads and the calling thread decode a batch to the same COPY text', async () => {
  const batch = files();
  const threaded = createDecoderPool(db.pool, 1);
  const inThread = createDecoderPool(db.pool, 0);
  try {
    const [a, b] = [
      await threaded.decode(batch, DEFAULT_DECODE_LIMITS),
      await inThread.decode(batch, DEFAULT_DECODE_LIMITS),
    ];
    expect(a.map((file) => file?.copy.toString())).toEqual(b.map((file) => file?.copy.toString()));
    expect(a[2]).toBeNull();
    expect(a[0]).toMatchObject({ lines: 2, repeatedLines: [] });
    expect(a[0]?.copy.toString().split('\n')).toHaveLength(3);
    // A tab inside a value is escaped, so each record stays one line.
    expect(a[0]?.copy.toString()).toContain('x\\ty');
    expect(a[1]?.stats).toMatchObject({ accepted: 1, rejected: 0 });
    // Two batches at once: the worker takes one, the calling thread the other, to the same result.
    const both = await Promise.all([
      threaded.decode(batch, DEFAULT_DECODE_LIMITS),
      threaded.decode(batch, DEFAULT_DECODE_LIMITS),
    ]);
    for (const result of both)
      expect(result.map((file) => file?.copy.toString())).toEqual(b.map((file) => file?.copy.toString()));
  } finally {
    await threaded.close();
    await inThread.close();
  }
});
