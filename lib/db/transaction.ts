import type pg from 'pg';

/** Runs `work` between BEGIN and COMMIT on `client`; rolled back, and the error rethrown, when it throws. */
export async function inTransaction<T>(client: pg.ClientBase, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A ROLLBACK that fails too (the connection broke) must not hide the error that caused it.
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/**
 * Runs `work` in one transaction on a client of its own, after taking the transaction-scoped
 * advisory lock `lock`, so two jobs rebuilding the same rows take turns instead of deleting each
 * other's. Rolled back when `work` throws.
 */
export async function inLockedTransaction<T>(
  pool: pg.Pool,
  lock: number,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    return await inTransaction(client, async () => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [lock]);
      return work(client);
    });
  } finally {
    client.release();
  }
}
