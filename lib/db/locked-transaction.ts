import type pg from 'pg';

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
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [lock]);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
