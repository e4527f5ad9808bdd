import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createPathSource } from '../../lib/ingest/sources/path-source';
import type { IngestSource, SourceFile, SourceFilters } from '../../lib/ingest/sources/types';

let root: string;
const ACC1 = '111111111111';
const ACC2 = '222222222222';
const trail = (account: string, region: string, day: string, name: string) =>
  `copy/AWSLogs/${account}/CloudTrail/${region}/${day}/${name}`;

const FILES: Record<string, string> = {
  [trail(ACC1, 'us-east-1', '2026/03/01', 'a.json.gz')]: 'a',
  [trail(ACC1, 'us-east-1', '2026/03/02', 'b.json.gz')]: 'bb',
  [trail(ACC1, 'eu-west-1', '2026/03/02', 'c.json.gz')]: 'ccc',
  [`copy/AWSLogs/o-abc123def4/${ACC2}/CloudTrail/us-east-1/2026/03/02/d.json.gz`]: 'dddd',
  'exports/events.jsonl': '{}\n',
  'z-last.json': '{}',
  '.hidden-export.json': '{}',
  // Junk and VCS internals: never listed.
  '.DS_Store': 'junk',
  'exports/._events.jsonl': 'junk',
  '.git/objects/ab/cdef': 'junk',
};

async function list(source: IngestSource, filters: SourceFilters = {}): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for await (const file of source.list(filters)) files.push(file);
  return files;
}

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'th-path-source-'));
  for (const [rel, content] of Object.entries(FILES)) {
    mkdirSync(path.join(root, path.dirname(rel)), { recursive: true });
    writeFileSync(path.join(root, rel), content);
  }
  // A link back up the tree must not loop; a broken link is skipped.
  symlinkSync(root, path.join(root, 'exports', 'loop'));
  symlinkSync(path.join(root, 'nowhere'), path.join(root, 'exports', 'broken.json'));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

test('lists a folder recursively in path order, relative paths, sizes from stat, no fingerprint', async () => {
  const files = await list(createPathSource(root));
  expect(files.map((f) => f.path)).toEqual([
    '.hidden-export.json',
    trail(ACC1, 'eu-west-1', '2026/03/02', 'c.json.gz'),
    trail(ACC1, 'us-east-1', '2026/03/01', 'a.json.gz'),
    trail(ACC1, 'us-east-1', '2026/03/02', 'b.json.gz'),
    `copy/AWSLogs/o-abc123def4/${ACC2}/CloudTrail/us-east-1/2026/03/02/d.json.gz`,
    'exports/events.jsonl',
    'z-last.json',
  ]);
  expect(files.map((f) => f.size)).toEqual([2, 3, 1, 2, 4, 3, 2]);
  expect(files.every((f) => f.fingerprint === undefined)).toBe(true);
  const chunks: Buffer[] = [];
  for await (const chunk of await (files[4] as SourceFile).open()) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).toString()).toBe('dddd');
});

test('applies account, region and day filters to layout paths and keeps everything else', async () => {
  const source = createPathSource(root);
  const filtered = await list(source, {
    accounts: [ACC1],
    regions: ['us-east-1'],
    from: new Date('2026-03-02T00:00:00Z'),
  });
  expect(filtered.map((f) => f.path)).toEqual([
    '.hidden-export.json',
    trail(ACC1, 'us-east-1', '2026/03/02', 'b.json.gz'),
    'exports/events.jsonl',
    'z-last.json',
  ]);
  // Opened below AWSLogs/, the layout is still read from the full path.
  const below = createPathSource(path.join(root, 'copy', 'AWSLogs', ACC1, 'CloudTrail'));
  expect((await list(below, { regions: ['eu-west-1'] })).map((f) => f.path)).toEqual([
    'eu-west-1/2026/03/02/c.json.gz',
  ]);
});

test('a single file is listed by its basename', async () => {
  const source = createPathSource(path.join(root, 'exports', 'events.jsonl'));
  const files = await list(source, { accounts: [ACC2] });
  expect(files.map((f) => [f.path, f.size])).toEqual([['events.jsonl', 3]]);
  expect(source).toMatchObject({ kind: 'path', description: path.join(root, 'exports', 'events.jsonl') });
});

test('a file read after listing holds its bytes now, whether it kept, grew or lost size', async () => {
  const folder = path.join(root, 'changing');
  mkdirSync(folder);
  for (const name of ['same', 'grows', 'shrinks']) writeFileSync(path.join(folder, name), 'twelve bytes');
  try {
    const files = await list(createPathSource(folder));
    writeFileSync(path.join(folder, 'grows'), 'twelve bytes and then some');
    writeFileSync(path.join(folder, 'shrinks'), 'six b');
    const read = await Promise.all(files.map(async (file) => [file.path, (await file.read?.())?.toString()]));
    expect(read).toEqual([
      ['grows', 'twelve bytes and then some'],
      ['same', 'twelve bytes'],
      ['shrinks', 'six b'],
    ]);
  } finally {
    rmSync(folder, { recursive: true });
  }
});

test('clear errors for a missing path and an unreadable folder', async () => {
  const missing = path.join(root, 'does-not-exist');
  await expect(list(createPathSource(missing))).rejects.toThrow(`Path "${missing}" does not exist.`);

  const locked = path.join(root, 'locked');
  mkdirSync(locked);
  writeFileSync(path.join(locked, 'x.json'), '{}');
  chmodSync(locked, 0o000);
  try {
    // Root ignores permissions, so only assert the message when the folder really is unreadable.
    const readable = await list(createPathSource(locked)).then(
      () => true,
      (err: Error) => {
        expect(err.message).toBe(`Folder "${locked}" is not readable (permission denied).`);
        return false;
      },
    );
    expect(readable).toBe(process.getuid?.() === 0);
  } finally {
    chmodSync(locked, 0o755);
    rmSync(locked, { recursive: true });
  }
});
