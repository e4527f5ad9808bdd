import pg from 'pg';
import { dataDir } from '../config/paths';
import { startEmbeddedPostgres } from './embedded-postgres';
import { describeConnectionTarget, UserFacingError } from './errors';

export interface ResolvedDatabase {
  url: string;
  source: 'external' | 'embedded';
  /** Stops the embedded server when this process started it; otherwise does nothing. */
  stop(): Promise<void>;
}

/**
 * One rule for the app, the CLI and the tests: DATABASE_URL when set, otherwise the embedded
 * cluster under the data directory. Sets DATABASE_URL for this process and its children.
 */
export async function resolveDatabase(
  log: (line: string) => void = console.error,
): Promise<ResolvedDatabase> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    await assertReachable(configured);
    return { url: configured, source: 'external', stop: async () => {} };
  }
  const embedded = await startEmbeddedPostgres(dataDir(), log);
  process.env.DATABASE_URL = embedded.url;
  return { url: embedded.url, source: 'embedded', stop: embedded.stop };
}

async function assertReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UserFacingError(
      `Cannot reach the database at ${describeConnectionTarget(url)} (${reason}). ` +
        'Check that the server is running and that host, port, user and password in DATABASE_URL are right, ' +
        'or unset DATABASE_URL to use the embedded PostgreSQL.',
    );
  } finally {
    await client.end().catch(() => {});
  }
}
