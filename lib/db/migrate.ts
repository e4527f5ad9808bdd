import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { projectRoot } from '../config/paths';
import { UserFacingError } from './errors';
import { inTransaction } from './transaction';

export const MIGRATIONS_DIR = path.join(projectRoot, 'prisma', 'migrations');
const MIGRATION_NAME = /^\d{4}_[a-z0-9_]+$/;
// Any constant works; it only has to be the same for every migrator so that two never interleave.
const MIGRATION_LOCK_KEY = 7_311_842_001;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: string[];
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && MIGRATION_NAME.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies pending migrations in name order, each in its own transaction, and records a checksum
 * of each. An applied migration whose file has changed stops the run: editing history silently
 * would leave databases that claim the same version but differ.
 */
export async function migrate(databaseUrl: string, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  const migrations = readMigrations(dir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS _trailhound_migrations (
        name text PRIMARY KEY,
        checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const { rows } = await client.query<{ name: string; checksum: string }>(
      'SELECT name, checksum FROM _trailhound_migrations',
    );
    const recorded = new Map(rows.map((row) => [row.name, row.checksum]));
    const result: MigrationResult = { applied: [], alreadyApplied: [] };

    for (const migration of migrations) {
      const checksum = recorded.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new UserFacingError(
            `Migration ${migration.name} was edited after it was applied (checksum ${checksum.slice(0, 12)} ` +
              `in the database, ${migration.checksum.slice(0, 12)} on disk). Restore the file and add a new migration instead.`,
          );
        }
        result.alreadyApplied.push(migration.name);
        continue;
      }
      try {
        await inTransaction(client, async () => {
          await client.query(migration.sql);
          await client.query('INSERT INTO _trailhound_migrations (name, checksum) VALUES ($1, $2)', [
            migration.name,
            migration.checksum,
          ]);
        });
      } catch (error) {
        throw new UserFacingError(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
      result.applied.push(migration.name);
    }
    return result;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
