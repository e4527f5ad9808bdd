import type pg from 'pg';
import { resolveScope } from '../../../lib/principals/scope';
import { getAccessKeys } from '../../../lib/queries/principals/get-access-keys';
import { getNewlyObserved } from '../../../lib/queries/principals/get-newly-observed';
import { getPrincipal } from '../../../lib/queries/principals/get-principal';
import { getSessionOrigins } from '../../../lib/queries/principals/get-role-sessions';
import type { QueryCase } from '../query-case';

// The principal page's heaviest sections, each timed alone on the busiest principal, so a slow
// page can be traced to its section (`--only "principal section"`). principals.ts times the page.

async function busiest(pool: pg.Pool) {
  const { rows } = await pool.query<{ id: string }>(
    'SELECT principal_id::text AS id FROM event GROUP BY 1 ORDER BY count(*) DESC LIMIT 1',
  );
  const principal = rows[0] && (await getPrincipal(pool, rows[0].id));
  if (!principal?.lastSeen) throw new Error('no events: load the demo trail first');
  return principal;
}

let cached: ReturnType<typeof busiest> | null = null;

async function scoped(pool: pg.Pool, scopeDays: number) {
  cached ??= busiest(pool);
  const principal = await cached;
  const lastSeen = principal.lastSeen as Date;
  const from = new Date(lastSeen.getTime() - scopeDays * 86_400_000).toISOString();
  return { principal, ...resolveScope({ from, to: lastSeen.toISOString() }, lastSeen) };
}

const newlyObserved = (days: number) => async (pool: pg.Pool) => {
  const { principal, scope, baseline } = await scoped(pool, days);
  return getNewlyObserved(pool, {
    principalId: principal.id,
    accountId: principal.accountId,
    scope,
    baseline,
  });
};

const cases: QueryCase[] = [
  { name: 'principal section: newly observed, 7-day scope', run: newlyObserved(7) },
  { name: 'principal section: newly observed, 1-day scope', run: newlyObserved(1) },
  {
    name: 'principal section: session origins',
    run: async (pool) => getSessionOrigins(pool, (await scoped(pool, 7)).principal),
  },
  {
    name: 'principal section: access keys',
    run: async (pool) => getAccessKeys(pool, (await scoped(pool, 7)).principal.id),
  },
];

export default cases;
