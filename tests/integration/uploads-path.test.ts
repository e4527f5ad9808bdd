import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { formatBytes } from '../../lib/uploads/format-bytes';
import { isUploadId, maxUploadBytes, sanitizeUploadPath } from '../../lib/uploads/upload-path';
import { createUploadStore, UploadError, type UploadStore } from '../../lib/uploads/upload-store';

test('keeps ordinary relative paths and normalises separators', () => {
  const cases: [string, string][] = [
    ['events.json.gz', 'events.json.gz'],
    [
      'trail/AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/14/x.json.gz',
      'trail/AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/14/x.json.gz',
    ],
    ['export\\AWSLogs\\111122223333\\a.json', 'export/AWSLogs/111122223333/a.json'],
    ['./a//b/./c.json', 'a/b/c.json'],
    ['dir/with space/ünïcödé.json', 'dir/with space/ünïcödé.json'],
    ['..hidden/...json', '..hidden/...json'],
  ];
  for (const [raw, expected] of cases)
    expect(sanitizeUploadPath(raw), raw).toEqual({ ok: true, path: expected });
});

test('refuses traversal, absolute paths, NUL and control characters with a reason', () => {
  const refused: [string | null, RegExp][] = [
    ['../etc/passwd', /\.\./],
    ['a/../../b', /\.\./],
    ['a\\..\\..\\b', /\.\./],
    ['..', /\.\./],
    ['/etc/passwd', /relative/],
    ['\\\\server\\share\\x', /relative/],
    ['C:\\Windows\\x', /relative/],
    ['c:relative.json', /relative/],
    ['a\0b.json', /NUL/],
    ['a\nb.json', /control/],
    ['a\u007fb', /control/],
    ['', /missing/],
    [null, /missing/],
    ['./', /names no file/],
    ['x'.repeat(2000), /longer than 1024/],
    [`${'a'.repeat(256)}/b.json`, /longer than 255 bytes/],
  ];
  for (const [raw, reason] of refused) {
    const result = sanitizeUploadPath(raw);
    expect(result.ok, String(raw)).toBe(false);
    if (!result.ok) expect(result.message).toMatch(reason);
  }
});

test('upload ids are v4 UUIDs only; the size limit comes from the environment', () => {
  expect(isUploadId('3f2b8c1e-9a4d-4c6e-8b1a-2d3e4f5a6b7c')).toBe(true);
  expect(isUploadId('../3f2b8c1e-9a4d-4c6e-8b1a-2d3e4f5a6b7c')).toBe(false);
  expect(isUploadId('3F2B8C1E-9A4D-4C6E-8B1A-2D3E4F5A6B7C')).toBe(false);
  expect(maxUploadBytes({})).toBe(2 * 1024 ** 3);
  expect(maxUploadBytes({ TRAILHOUND_MAX_UPLOAD_BYTES: '1048576' })).toBe(1048576);
  expect(maxUploadBytes({ TRAILHOUND_MAX_UPLOAD_BYTES: 'lots' })).toBe(2 * 1024 ** 3);
  expect(formatBytes(2 * 1024 ** 3)).toBe('2 GiB');
  expect(formatBytes(1536)).toBe('1.5 KiB');
  expect(formatBytes(1)).toBe('1 byte');
});

let root: string;
let store: UploadStore;

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'th-uploads-'));
  store = createUploadStore(root);
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** A body in several chunks, as a request stream delivers it. */
const body = (bytes: number, chunk = 64 * 1024) =>
  Readable.from(
    Array.from({ length: Math.ceil(bytes / chunk) }, (_, i) =>
      Buffer.alloc(Math.min(chunk, bytes - i * chunk), 'a'),
    ),
  );

test('streams files into the batch folder and counts them', async () => {
  const batch = await store.createBatch('user-1');
  expect(isUploadId(batch.id)).toBe(true);
  expect(await store.readBatch(batch.id)).toEqual(batch);

  expect(await store.writeFile(batch.id, 'a.json.gz', body(300_000), 1_000_000)).toEqual({
    path: 'a.json.gz',
    bytes: 300_000,
  });
  await store.writeFile(batch.id, 'AWSLogs/1/b.json', body(10), 1_000_000);
  await store.writeFile(batch.id, 'empty.json', Readable.from([]), 1_000_000);
  expect(await store.summarize(batch.id)).toEqual({ files: 3, bytes: 300_010 });
  expect((await fs.stat(path.join(root, batch.id, 'AWSLogs', '1', 'b.json'))).size).toBe(10);
  // Metadata lives beside the folder, so an ingest of the folder never sees it.
  expect((await fs.readdir(path.join(root, batch.id))).sort()).toEqual([
    'AWSLogs',
    'a.json.gz',
    'empty.json',
  ]);
});

test('stops a file at the size limit with 413 and leaves nothing behind', async () => {
  const batch = await store.createBatch('user-1');
  const refused = store.writeFile(batch.id, 'big.json.gz', body(2_000_000), 1_000_000);
  await expect(refused).rejects.toMatchObject({ status: 413, code: 'too_large' });
  await expect(refused).rejects.toBeInstanceOf(UploadError);
  expect(await store.summarize(batch.id)).toEqual({ files: 0, bytes: 0 });
  expect(await fs.readdir(path.join(root, '.partial'))).toEqual([]);
});

test('a large file arrives in pieces, in order, and resumes where the server says', async () => {
  const batch = await store.createBatch('user-1');
  const content = Buffer.from(Array.from({ length: 250 }, (_, i) => i % 251));
  const piece = (from: number, to: number) => Readable.from([content.subarray(from, to)]);
  const write = (from: number, to: number) =>
    store.writeChunk(batch.id, 'big/trail.json', piece(from, to), {
      offset: from,
      total: 250,
      maxBytes: 1000,
    });

  expect(await write(0, 100)).toEqual({ path: 'big/trail.json', received: 100, complete: false });
  // A piece that skips ahead is refused with what the server holds, so the client can resume.
  await expect(write(150, 250)).rejects.toMatchObject({ status: 409, details: { received: 100 } });
  expect(await store.summarize(batch.id)).toEqual({ files: 0, bytes: 0 });
  expect(await write(100, 250)).toEqual({ path: 'big/trail.json', received: 250, complete: true });
  expect(await fs.readFile(path.join(root, batch.id, 'big', 'trail.json'))).toEqual(content);

  // Declared too large up front, or a piece running past its declared size.
  await expect(
    store.writeChunk(batch.id, 'huge.json', piece(0, 10), { offset: 0, total: 5000, maxBytes: 1000 }),
  ).rejects.toMatchObject({ status: 413 });
  await expect(
    store.writeChunk(batch.id, 'short.json', piece(0, 100), { offset: 0, total: 50, maxBytes: 1000 }),
  ).rejects.toMatchObject({ status: 400, code: 'too_long' });
  expect((await fs.readdir(path.join(root, '.partial'))).filter((name) => name.startsWith(batch.id))).toEqual(
    [],
  );
});

test('a file where a folder is needed is a 409 conflict, not a server error', async () => {
  const batch = await store.createBatch('user-1');
  await store.writeFile(batch.id, 'a', body(5), 100);
  await expect(store.writeFile(batch.id, 'a/b.json', body(5), 100)).rejects.toMatchObject({
    status: 409,
    code: 'path_conflict',
  });
});

test('a claimed batch takes no more files, and only one claim wins', async () => {
  const batch = await store.createBatch('user-1');
  await store.writeFile(batch.id, 'a.json', body(5), 100);
  const claims = await Promise.all([store.claim(batch.id), store.claim(batch.id)]);
  expect(claims.sort()).toEqual([false, true]);
  await store.recordJob(batch.id, '42');
  expect(await store.claimedJob(batch.id)).toBe('42');
  await expect(store.writeFile(batch.id, 'b.json', body(5), 100)).rejects.toMatchObject({ status: 409 });
  await store.removeFiles(batch.id);
  await expect(fs.stat(path.join(root, batch.id))).rejects.toThrow(/ENOENT/);
});

test('unknown or malformed ids read as no batch', async () => {
  expect(await store.readBatch('3f2b8c1e-9a4d-4c6e-8b1a-2d3e4f5a6b7c')).toBeNull();
  expect(await store.readBatch('../../etc')).toBeNull();
});

test('the sweep removes batches abandoned for a day and keeps fresh ones', async () => {
  const fresh = await store.createBatch('user-2');
  const old = await store.createBatch('user-2');
  await fs.writeFile(
    path.join(root, `${old.id}.json`),
    JSON.stringify({ ...old, createdAt: new Date(Date.now() - 2 * 86_400_000).toISOString() }),
  );
  await store.sweep();
  expect(await store.readBatch(fresh.id)).not.toBeNull();
  expect(await store.readBatch(old.id)).toBeNull();
  await expect(fs.stat(path.join(root, old.id))).rejects.toThrow(/ENOENT/);
});
