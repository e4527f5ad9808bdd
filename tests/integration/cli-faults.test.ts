import { writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli';
import { createTestDatabase } from '../helpers/test-database';

test('an unreachable DATABASE_URL names the host and how to fix it, and exits non-zero', async () => {
  const result = await runCli(['db', 'migrate'], {
    DATABASE_URL: 'postgres://user:secret@127.0.0.1:1/trailhound',
  });
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/Cannot reach the database at 127\.0\.0\.1:1\/trailhound \(ECONNREFUSED\)/);
  expect(result.stderr).toMatch(/unset DATABASE_URL to use the embedded PostgreSQL/);
  expect(result.stderr).not.toContain('secret');
});

test('a data directory that cannot be written is named, with the way out', async () => {
  const file = path.join(os.tmpdir(), `th-not-a-dir-${process.pid}`);
  writeFileSync(file, 'x');
  const result = await runCli(['db', 'migrate'], { TRAILHOUND_DATA_DIR: path.join(file, 'data') });
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(
    `The data directory ${path.join(file, 'data')} cannot be written (ENOTDIR)`,
  );
});

test('serve refuses a port already in use before touching anything', async () => {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const { port } = blocker.address() as net.AddressInfo;
  try {
    const result = await runCli(['serve', '--port', String(port), '--host', '127.0.0.1'], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Port ${port} is already in use`);
  } finally {
    blocker.close();
  }
});

test('db migrate is safe to run twice', async () => {
  const database = await createTestDatabase();
  try {
    const first = await runCli(['db', 'migrate', '--json'], { DATABASE_URL: database.url });
    const second = await runCli(['db', 'migrate', '--json'], { DATABASE_URL: database.url });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).applied).toEqual([]);
    expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout));
  } finally {
    await database.drop();
  }
});
