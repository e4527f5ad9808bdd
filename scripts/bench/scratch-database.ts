import pg from 'pg';
import { migrate } from '../../lib/db/migrate';
import { resolveDatabase } from '../../lib/db/resolve-database';

/** Fresh, migrated databases on the resolved server, dropped when the benchmark ends. */
export async function createScratchDatabase() {
  const server = await resolveDatabase();
  const created: string[] = [];
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return {
    async create(prefix: string): Promise<string> {
      const name = `${prefix}_${Date.now()}`;
      await admin(`CREATE DATABASE ${name}`);
      created.push(name);
      const url = new URL(server.url);
      url.pathname = `/${name}`;
      await migrate(url.toString());
      return url.toString();
    },
    async dropAll() {
      for (const name of created) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
    stop: server.stop,
  };
}
