import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { E2E_DATA_DIR } from './env';

/**
 * A connection to the test server's embedded database, for seeding rows a spec needs that no
 * page creates (a finding, while the detection step is not on this branch) and for checking what
 * a refused request did not write.
 */
export async function connectE2eDatabase(): Promise<pg.Client> {
  const settings = JSON.parse(readFileSync(path.join(E2E_DATA_DIR, 'postgres.json'), 'utf8')) as {
    port: number;
    password: string;
  };
  const client = new pg.Client({
    connectionString: `postgres://postgres:${encodeURIComponent(settings.password)}@127.0.0.1:${settings.port}/trailhound`,
  });
  await client.connect();
  return client;
}
