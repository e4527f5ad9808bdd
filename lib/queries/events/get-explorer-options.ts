import type pg from 'pg';

export interface ExplorerOptions {
  accounts: string[];
  principalTypes: string[];
  userAgentFamilies: string[];
}

/** Choices for the explorer's select filters, from the small dimension tables (never from event). */
export async function getExplorerOptions(db: pg.Pool): Promise<ExplorerOptions> {
  const [accounts, types, families] = await Promise.all([
    db.query<{ value: string }>('SELECT DISTINCT account_id AS value FROM principal ORDER BY 1'),
    db.query<{ value: string }>('SELECT DISTINCT principal_type AS value FROM principal ORDER BY 1'),
    db.query<{ value: string }>('SELECT DISTINCT family AS value FROM user_agent ORDER BY 1'),
  ]);
  const values = (result: pg.QueryResult<{ value: string }>) => result.rows.map((row) => row.value);
  return { accounts: values(accounts), principalTypes: values(types), userAgentFamilies: values(families) };
}

/** A principal's display name for the filter chip, or null when the id is unknown. */
export async function getPrincipalName(db: pg.Pool, principalId: string): Promise<string | null> {
  const { rows } = await db.query<{ name: string }>('SELECT name FROM principal WHERE id = $1::bigint', [
    principalId,
  ]);
  return rows[0]?.name ?? null;
}
