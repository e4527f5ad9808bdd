import { migrate } from '../../lib/db/migrate';
import { disconnectPrisma } from '../../lib/db/prisma';
import { type ResolvedDatabase, resolveDatabase } from '../../lib/db/resolve-database';

/**
 * Runs a command against the resolved database, migrated to the latest schema, and releases
 * everything afterwards (the Prisma pool, and the embedded server when this process started it).
 */
export async function withDatabase<T>(work: (database: ResolvedDatabase) => Promise<T>): Promise<T> {
  const database = await resolveDatabase();
  try {
    await migrate(database.url);
    return await work(database);
  } finally {
    await disconnectPrisma();
    await database.stop();
  }
}
