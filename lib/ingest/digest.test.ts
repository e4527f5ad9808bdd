import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { type DeliveredHash, type Digest, isDigestDocument, parseDigest, verifyDigests } from './digest';

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const ACCOUNT = '111122223333';
const dir = `AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/2026/03/14`;
const digestDir = `AWSLogs/${ACCOUNT}/CloudTrail-Digest/us-east-1/2026/03/14`;
const LOG_A = `${dir}/${ACCOUNT}_CloudTrail_us-east-1_20260314T1000Z_aaaa.json.gz`;
const LOG_B = `${dir}/${ACCOUNT}_CloudTrail_us-east-1_20260314T1005Z_bbbb.json.gz`;
const PREV = `${digestDir}/${ACCOUNT}_CloudTrail-Digest_us-east-1_trail_us-east-1_20260314T100000Z.json.gz`;
const CURR = `${digestDir}/${ACCOUNT}_CloudTrail-Digest_us-east-1_trail_us-east-1_20260314T110000Z.json.gz`;
const contentA = '{"Records":[{"eventID":"a"}]}';
const contentB = '{"Records":[{"eventID":"b"}]}';
const prevContent = '{"awsAccountId":"111122223333","logFiles":[]}';

function digestJson(overrides: Record<string, unknown> = {}) {
  return {
    awsAccountId: ACCOUNT,
    digestStartTime: '2026-03-14T10:00:00Z',
    digestEndTime: '2026-03-14T11:00:00Z',
    digestS3Bucket: 'trail-bucket',
    digestS3Object: CURR,
    digestPublicKeyFingerprint: '31e8b5433410dfb61a9dc45cc65b22ff',
    digestSignatureAlgorithm: 'SHA256withRSA',
    newestEventTime: '2026-03-14T10:04:00Z',
    oldestEventTime: '2026-03-14T10:00:00Z',
    previousDigestS3Bucket: 'trail-bucket',
    previousDigestS3Object: PREV,
    previousDigestHashValue: sha(prevContent).toUpperCase(),
    previousDigestHashAlgorithm: 'SHA-256',
    previousDigestSignature: 'abcd',
    logFiles: [
      { s3Bucket: 'trail-bucket', s3Object: LOG_A, hashValue: sha(contentA), hashAlgorithm: 'SHA-256' },
      { s3Bucket: 'trail-bucket', s3Object: LOG_B, hashValue: sha(contentB), hashAlgorithm: 'SHA-256' },
    ],
    ...overrides,
  };
}

function parsed(json: unknown, path = `copy/${CURR}`): Digest {
  const result = parseDigest(json, path);
  if (!result.ok) throw new Error(result.reason);
  return result.digest;
}

/** As the pipeline records it: raw bytes hashed, plus the gunzipped content for .gz files. */
const gz = (content: string): DeliveredHash => ({
  sha256: sha(gzipSync(content)),
  uncompressedSha256: sha(content),
});

test('recognises digests by shape, not name', () => {
  expect(isDigestDocument(digestJson())).toBe(true);
  expect(isDigestDocument({ Records: [], ...digestJson() })).toBe(false);
  expect(isDigestDocument({ Records: [{ eventID: 'x' }] })).toBe(false);
  expect(isDigestDocument([digestJson()])).toBe(false);
  expect(isDigestDocument(null)).toBe(false);
});

test('parses a digest, lower-casing hashes; a starting digest has null previous fields', () => {
  const digest = parsed(digestJson());
  expect(digest.path).toBe(`copy/${CURR}`);
  expect(digest.previousDigestHashValue).toBe(sha(prevContent));
  expect(digest.logFiles.map((f) => f.s3Object)).toEqual([LOG_A, LOG_B]);
  const starting = parsed(
    digestJson({
      previousDigestS3Bucket: null,
      previousDigestS3Object: null,
      previousDigestHashValue: null,
      previousDigestHashAlgorithm: null,
      logFiles: [],
    }),
  );
  expect(starting.previousDigestS3Object).toBeNull();
  expect(verifyDigests([starting], new Map())).toEqual([]);
});

test('rejects malformed digests with a reason naming the file and the field', () => {
  const bad = parseDigest(
    digestJson({ logFiles: [{ s3Object: LOG_A, hashValue: 'zz', hashAlgorithm: 'SHA-256' }] }),
    'd.json',
  );
  expect(bad.ok).toBe(false);
  if (!bad.ok) expect(bad.reason).toMatch(/^d\.json: invalid digest \(logFiles\.0\./);
  const md5 = parseDigest(digestJson({ previousDigestHashAlgorithm: 'MD5' }), 'd.json');
  expect(md5.ok === false && md5.reason).toMatch(/previousDigestHashAlgorithm/);
  expect(parseDigest({ Records: [] }, 'x.json')).toEqual({
    ok: false,
    reason: 'x.json: not a CloudTrail digest document',
  });
});

test('checks log files and the previous digest against uncompressed content hashes', () => {
  const delivered = new Map<string, DeliveredHash>([
    [`copy/${LOG_A}`, gz(contentA)],
    [`copy/${LOG_B}`, gz('{"Records":[]}')], // tampered: a record removed
    [`copy/${PREV}`, gz(prevContent)],
  ]);
  const rows = verifyDigests([parsed(digestJson())], delivered);
  expect(rows).toEqual([
    {
      accountId: ACCOUNT,
      digestPath: `copy/${CURR}`,
      subjectPath: `copy/${LOG_A}`,
      kind: 'log-file',
      expectedHash: sha(contentA),
      actualHash: sha(contentA),
      status: 'ok',
    },
    {
      accountId: ACCOUNT,
      digestPath: `copy/${CURR}`,
      subjectPath: `copy/${LOG_B}`,
      kind: 'log-file',
      expectedHash: sha(contentB),
      actualHash: sha('{"Records":[]}'),
      status: 'mismatch',
    },
    {
      accountId: ACCOUNT,
      digestPath: `copy/${CURR}`,
      subjectPath: `copy/${PREV}`,
      kind: 'previous-digest',
      expectedHash: sha(prevContent),
      actualHash: sha(prevContent),
      status: 'ok',
    },
  ]);
});

test('the hash of the compressed object is not what CloudTrail lists', () => {
  const onlyCompressedHash = new Map([[LOG_A, { sha256: sha(gzipSync(contentA)) }]]);
  const digest = parsed(digestJson({ logFiles: [digestJson().logFiles[0]] }));
  expect(verifyDigests([digest], onlyCompressedHash)[0]?.status).toBe('mismatch');
  // An uncompressed copy (someone gunzipped the archive) hashes to the listed value as is.
  const gunzipped = new Map([[LOG_A, { sha256: sha(contentA) }]]);
  expect(verifyDigests([digest], gunzipped)[0]?.status).toBe('ok');
});

test('missing files are reported as missing, not errors; keys match by path suffix either way', () => {
  const digest = parsed(
    digestJson({ logFiles: digestJson().logFiles.map((f) => ({ ...f, s3Object: `trails/${f.s3Object}` })) }),
  );
  // The source was opened below the trail prefix, so delivered paths are shorter than the keys.
  const rows = verifyDigests([digest], new Map([[LOG_A, gz(contentA)]]));
  expect(rows.map((r) => [r.kind, r.subjectPath, r.status, r.actualHash])).toEqual([
    ['log-file', LOG_A, 'ok', sha(contentA)],
    ['log-file', `trails/${LOG_B}`, 'missing', null],
    ['previous-digest', PREV, 'missing', null],
  ]);
  // Overlap must end at a folder boundary: `xAWSLogs/…` is not a copy of `AWSLogs/…`.
  const partial = new Map([[`x${LOG_A}`, gz(contentA)]]);
  expect(verifyDigests([digest], partial)[0]?.status).toBe('missing');
});

test('with two copies of one file, a differing copy makes the row a mismatch', () => {
  const digest = parsed(digestJson({ logFiles: [digestJson().logFiles[0]], previousDigestS3Object: null }));
  const copies = new Map([
    [`a/${LOG_A}`, gz(contentA)],
    [`b/${LOG_A}`, gz('{"Records":[]}')],
  ]);
  const [row] = verifyDigests([digest], copies);
  expect(row).toMatchObject({ status: 'mismatch', subjectPath: `b/${LOG_A}` });
  const same = new Map([
    [`a/${LOG_A}`, gz(contentA)],
    [`b/${LOG_A}`, gz(contentA)],
  ]);
  expect(verifyDigests([digest], same)[0]).toMatchObject({ status: 'ok', subjectPath: `a/${LOG_A}` });
});
