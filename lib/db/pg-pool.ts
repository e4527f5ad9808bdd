import pg from 'pg';

const globalForPool = globalThis as unknown as { trailhoundPool?: pg.Pool };

/**
 * A plain pg pool for what Prisma cannot do: COPY streams and long ingest transactions.
 * Use `pool.connect()` for COPY, never `pool.query()` (pg-copy-streams needs one client).
 */
export function getPool(): pg.Pool {
  if (!globalForPool.trailhoundPool) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error('DATABASE_URL is not set.');
    const pool = new pg.Pool({ connectionString, max: 8 });
    // An idle connection dropped by the server (a restart, a DBA) must not crash the process;
    // the pool replaces it on next use.
    pool.on('error', (error) => console.error(`database connection lost: ${error.message}`));
    globalForPool.trailhoundPool = pool;
  }
  return globalForPool.trailhoundPool;
}

export async function closePool(): Promise<void> {
  await globalForPool.trailhoundPool?.end();
  globalForPool.trailhoundPool = undefined;
}
