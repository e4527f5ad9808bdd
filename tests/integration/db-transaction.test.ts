import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inLockedTransaction, inTransaction } from '../../lib/db/transaction';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let database: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 4 });
  await pool.query('CREATE TABLE tx_probe (value text NOT NULL)');
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

async function withClient(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await work(client);
  } finally {
    client.release();
  }
}

async function probeValues(): Promise<string[]> {
  const { rows } = await pool.query<{ value: string }>('SELECT value FROM tx_probe ORDER BY value');
  return rows.map((row) => row.value);
}

describe('inTransaction', () => {
  test('commits what the work wrote and returns its result', async () => {
    await withClient(async (client) => {
      const result = await inTransaction(client, async () => {
        await client.query(`INSERT INTO tx_probe VALUES ('kept')`);
        return 42;
      });
      expect(result).toBe(42);
    });
    expect(await probeValues()).toContain('kept');
  });

  test('rolls back and rethrows the error that the work threw', async () => {
    await withClient(async (client) => {
      await expect(
        inTransaction(client, async () => {
          await client.query(`INSERT INTO tx_probe VALUES ('undone')`);
          throw new Error('work failed');
        }),
      ).rejects.toThrow('work failed');
      // The client is usable again: no transaction was left open on it.
      const { rows } = await client.query<{ open: boolean }>('SELECT now() <> statement_timestamp() AS open');
      expect(rows[0]?.open).toBe(false);
    });
    expect(await probeValues()).not.toContain('undone');
  });

  test('a failed statement inside the work rolls back the rows before it', async () => {
    await withClient(async (client) => {
      await expect(
        inTransaction(client, async () => {
          await client.query(`INSERT INTO tx_probe VALUES ('before-failure')`);
          await client.query('INSERT INTO tx_probe VALUES (NULL)');
        }),
      ).rejects.toThrow(/null value/);
    });
    expect(await probeValues()).not.toContain('before-failure');
  });
});

describe('inLockedTransaction', () => {
  test('two holders of the same lock take turns', async () => {
    const order: string[] = [];
    let releaseFirst = () => {};
    const firstMayFinish = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    let firstHasLock = () => {};
    const firstLocked = new Promise<void>((resolve) => {
      firstHasLock = resolve;
    });
    const first = inLockedTransaction(pool, 7311842999, async () => {
      order.push('first start');
      firstHasLock();
      await firstMayFinish;
      order.push('first end');
    });
    await firstLocked;
    const second = inLockedTransaction(pool, 7311842999, async () => {
      order.push('second start');
    });
    // Give the second a chance to run if the lock did not hold it back.
    await new Promise((resolve) => setTimeout(resolve, 300));
    releaseFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(['first start', 'first end', 'second start']);
  });
});
