import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type pg from 'pg';

/**
 * One timed query of `npm run bench:queries`. Each file in scripts/bench/query-cases/ default-
 * exports an array of these; adding a file is all it takes to add cases. `run` should do what
 * the page does (the same query functions), so the figure is the page's, and may look up sample
 * values (a busy principal, a common IP) once and reuse them.
 */
export interface QueryCase {
  name: string;
  run(pool: pg.Pool): Promise<unknown>;
}

export const QUERY_CASES_DIR = path.join(import.meta.dirname, 'query-cases');

/** Every case of every file in `dir`, files in name order; `only` keeps names containing it. */
export async function loadQueryCases(dir = QUERY_CASES_DIR, only?: string): Promise<QueryCase[]> {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .sort();
  const cases: QueryCase[] = [];
  for (const file of files) {
    const loaded = (await import(pathToFileURL(path.join(dir, file)).href)) as { default?: QueryCase[] };
    if (!Array.isArray(loaded.default)) throw new Error(`${file} must default-export an array of QueryCase`);
    cases.push(...loaded.default);
  }
  return only ? cases.filter((item) => item.name.includes(only)) : cases;
}
