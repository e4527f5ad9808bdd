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

// The dimension ids end each line; a row decoded before its ids were cached has them blank-padded.
const withTrimmedIds = (copy: Buffer | undefined) =>
  copy
    ?.toString()
    .split('\n')
    .map((line) => line.replace(/\t *(\d+|\\N) *\t *(\d+|\\N) *$/, '\t$1\t$2'));

test('worker threads and the calling thread decode a batch to the same COPY text', async () => {
  const batch = files();
  const threaded = createDecoderPool(db.pool, 1);
  const inThread = createDecoderPool(db.pool, 0);
  try {
    const [a, b] = [
      await threaded.decode(batch, DEFAULT_DECODE_LIMITS),
      await inThread.decode(batch, DEFAULT_DECODE_LIMITS),
    ];
    expect(a.map((file) => withTrimmedIds(file?.copy))).toEqual(b.map((file) => withTrimmedIds(file?.copy)));
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
      expect(result.map((file) => withTrimmedIds(file?.copy))).toEqual(
        b.map((file) => withTrimmedIds(file?.copy)),
      );
  } finally {
    await threaded.close();
    await inThread.close();
  }
});

test('rows met before their principal and user agent were stored get those ids once the batch stores them', async () => {
  const identity = (name: string) => ({
    type: 'IAMUser',
    principalId: `AIDA${name.toUpperCase()}`,
    arn: `arn:aws:iam::111122223333:user/${name}`,
    accountId: '111122223333',
    userName: name,
  });
  const userAgent = `first-seen-agent/${Date.now()}`;
  const batch = ['erin', 'frank'].map((name, index) => ({
    fileRowId: String(10 + index),
    path: `${name}.json`,
    bytes: Buffer.from(
      JSON.stringify({ Records: [makeRecord({ userIdentity: identity(name), userAgent }), makeRecord()] }),
    ),
  }));
  const decoder = createDecoderPool(db.pool, 0);
  const decoded = await decoder.decode(batch, DEFAULT_DECODE_LIMITS);
  await decoder.close();
  const { rows } = await db.pool.query<{ name: string; principal: string; agent: string }>(
    `SELECT p.name, p.id::text AS principal, (SELECT id::text FROM user_agent WHERE value = $1) AS agent
     FROM principal p WHERE p.name IN ('erin', 'frank') ORDER BY p.name`,
    [userAgent],
  );
  expect(rows.map((row) => row.name)).toEqual(['erin', 'frank']);
  for (const [index, file] of decoded.entries()) {
    const [first] = (file?.copy.toString() ?? '').split('\n');
    const fields = (first ?? '').split('\t');
    const [principalId, userAgentId] = fields.slice(-2);
    // Written blank, then filled in: the padding is what COPY trims.
    expect(principalId).toHaveLength(20);
    expect(principalId?.trim()).toBe(rows[index]?.principal);
    expect(userAgentId?.trim()).toBe(rows[0]?.agent);
  }
});
