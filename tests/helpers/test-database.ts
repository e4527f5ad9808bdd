import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { migrate } from '../../lib/db/migrate';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A freshly migrated database of its own for a test file that counts rows, so that files can run
 * in parallel without seeing each other's data.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = new URL(inject('databaseUrl'));
  const name = `th_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl.toString() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
