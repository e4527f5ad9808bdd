import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { migrate } from '../../lib/db/migrate';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let database: TestDatabase;
let dir: string;

function writeMigration(name: string, sql: string): void {
  mkdirSync(path.join(dir, name), { recursive: true });
  writeFileSync(path.join(dir, name, 'migration.sql'), sql);
}

beforeAll(async () => {
  database = await createTestDatabase();
  dir = mkdtempSync(path.join(os.tmpdir(), 'th-migrations-'));
});
afterAll(async () => {
  await database.drop();
});

test('applies pending migrations in order, once, and refuses edited history', async () => {
  writeMigration('0001_first', 'CREATE TABLE migrate_probe (id int PRIMARY KEY);');
  writeMigration('0002_second', 'ALTER TABLE migrate_probe ADD COLUMN label text;');

  const first = await migrate(database.url, dir);
  expect(first.applied).toEqual(['0001_first', '0002_second']);

  const second = await migrate(database.url, dir);
  expect(second).toEqual({ applied: [], alreadyApplied: ['0001_first', '0002_second'] });

  writeMigration('0001_first', 'CREATE TABLE migrate_probe (id bigint PRIMARY KEY);');
  await expect(migrate(database.url, dir)).rejects.toThrow(/0001_first was edited after it was applied/);
});

test('a failing migration is rolled back and named', async () => {
  writeMigration('0001_first', 'CREATE TABLE migrate_probe (id int PRIMARY KEY);');
  writeMigration(
    '0003_broken',
    'CREATE TABLE broken_probe (id int); SELECT * FROM table_that_does_not_exist;',
  );
  await expect(migrate(database.url, dir)).rejects.toThrow(/0003_broken failed/);

  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const { rows } = await client.query("SELECT to_regclass('broken_probe') AS table");
  await client.end();
  expect(rows[0].table).toBeNull();
});
