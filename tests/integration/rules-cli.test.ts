import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/** `trailhound rules import` / `rules list` as a user runs them: child process, stdout, exit code. */

const FIXTURES = path.resolve(__dirname, '../fixtures/sigma');
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

const cli = (...args: string[]) => runCli(['rules', ...args], { DATABASE_URL: database.url });

function json(stdout: string): unknown {
  const lines = stdout.split('\n').filter((line) => line.trim() !== '');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0] as string);
}

test('importing a folder of good rules exits 0 and reports each rule', async () => {
  const result = await cli('import', path.join(FIXTURES, 'valid'), '--json');
  expect(result.code, result.stderr).toBe(0);
  const report = json(result.stdout) as {
    files: { file: string; rules: { ruleId: string; title: string; status: string; error: null }[] }[];
    imported: number;
    updated: number;
    failed: number;
  };
  expect(Object.keys(report).sort()).toEqual(['failed', 'files', 'imported', 'updated']);
  expect(report).toMatchObject({ imported: 7, updated: 0, failed: 0 });
  expect(report.files.find((file) => file.file === 'cloudtrail-important-change.yml')?.rules).toEqual([
    {
      ruleId: 'sigma:5b1e3c2a-7d4f-4a8e-9c61-2f0d8e4b7a10',
      title: 'CloudTrail Trail Stopped, Updated Or Deleted',
      status: 'imported',
      error: null,
    },
  ]);
});

test('a folder with broken rules exits 1, names each failure, and still loads the good rule', async () => {
  const result = await cli('import', FIXTURES);
  expect(result.code).toBe(1);
  expect(result.stdout).toMatch(/✓ mixed\/multi-document\.yml: imported "S3 Bucket Deleted"/);
  expect(result.stdout).toMatch(
    /✗ invalid\/unknown-modifier\.yml: rule "Encoded Command In User Data" \(1a2b3c4d-0000-4000-8000-000000000002\): field "requestParameters\.userData": modifier "base64offset"/,
  );
  expect(result.stdout).toMatch(/✗ invalid\/timeframe-aggregation\.yml: .*timeframe/);
  expect(result.stdout).toMatch(/1 imported, 7 updated, 8 failed, from 15 file\(s\)\./);
});

test('list --json shows every stored rule with state and error', async () => {
  const result = await cli('list', '--json');
  expect(result.code, result.stderr).toBe(0);
  const rows = json(result.stdout) as {
    ruleId: string;
    enabled: boolean;
    error: string | null;
    uploadedAt: string;
  }[];
  expect(rows).toHaveLength(15);
  expect(Object.keys(rows[0] ?? {}).sort()).toEqual(
    [
      'enabled',
      'error',
      'fileName',
      'ruleId',
      'severity',
      'sigmaId',
      'title',
      'uploadedAt',
      'uploadedBy',
    ].sort(),
  );
  const bucket = rows.find((row) => row.ruleId === 'sigma:0f6b8d3e-5a2c-4e91-b7d4-3c9e1a0f6b28');
  expect(bucket).toMatchObject({ enabled: true, error: null });
  expect(Number.isNaN(Date.parse(bucket?.uploadedAt ?? ''))).toBe(false);
  const aggregation = rows.find((row) => row.ruleId === 'sigma:7e2d4b9a-0c6f-4a13-8b5e-f1a3c7d9e246');
  expect(aggregation).toMatchObject({ enabled: false, error: expect.stringMatching(/aggregation/) });
});

test('a path that does not exist is a clear error', async () => {
  const result = await cli('import', path.join(FIXTURES, 'nope'));
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/no such file or folder/);
});
