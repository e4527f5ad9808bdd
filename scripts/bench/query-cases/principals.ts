import type pg from 'pg';
import { resolveScope } from '../../../lib/principals/scope';
import { getAccountFindingCounts } from '../../../lib/queries/accounts/get-account-findings';
import { getAccountPosture } from '../../../lib/queries/accounts/get-account-posture';
import { getAccountSpan } from '../../../lib/queries/accounts/get-accounts';
import { searchEvents } from '../../../lib/queries/events/search-events';
import { getAccessKeys } from '../../../lib/queries/principals/get-access-keys';
import { getActivityHistogram } from '../../../lib/queries/principals/get-activity-histogram';
import { getNewlyObserved } from '../../../lib/queries/principals/get-newly-observed';
import { getPrincipal } from '../../../lib/queries/principals/get-principal';
import { getPrincipalFindings } from '../../../lib/queries/principals/get-principal-findings';
import { getPrincipals } from '../../../lib/queries/principals/get-principals';
import { getAssumedRoles, getSessionOrigins } from '../../../lib/queries/principals/get-role-sessions';
import { getTimelineFacets } from '../../../lib/queries/principals/get-timeline-facets';
import {
  getAccountRisk,
  getPrincipalDailyScores,
  getPrincipalScore,
  listPrincipalsByRisk,
} from '../../../lib/scores';
import type { QueryCase } from '../query-case';

// The principal page, the principals list and the account summary, read as their pages read
// them (every section of a page in parallel), for scripts/bench/bench-queries.ts.

let busiest: Promise<{ principalId: string; accountId: string }> | null = null;

/** The principal with the most events: the page's worst case. */
function busiestPrincipal(pool: pg.Pool) {
  busiest ??= pool
    .query<{ principal_id: string; account_id: string }>(
      `SELECT e.principal_id::text, min(e.account_id) AS account_id FROM event e
        GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    )
    .then(({ rows }) => {
      const row = rows[0];
      if (!row) throw new Error('no events: load the demo trail first');
      return { principalId: row.principal_id, accountId: row.account_id };
    });
  return busiest;
}

async function principalPage(pool: pg.Pool, scopeDays: number) {
  const { principalId } = await busiestPrincipal(pool);
  const principal = await getPrincipal(pool, principalId);
  if (!principal?.lastSeen) throw new Error('principal without events');
  const to = principal.lastSeen.toISOString();
  const from = new Date(principal.lastSeen.getTime() - scopeDays * 86_400_000).toISOString();
  const { scope, baseline } = resolveScope({ from, to }, principal.lastSeen);
  return Promise.all([
    getAccountSpan(pool, principal.accountId),
    getActivityHistogram(pool, principal.id, scope),
    getPrincipalScore(principal.id, scope, pool),
    getPrincipalDailyScores(
      principal.id,
      { from: new Date(scope.to.getTime() - 30 * 86_400_000), to: scope.to },
      pool,
    ),
    getNewlyObserved(pool, { principalId: principal.id, accountId: principal.accountId, scope, baseline }),
    getAssumedRoles(pool, principal.id, scope),
    principal.principalType === 'AssumedRole' ? getSessionOrigins(pool, principal) : [],
    getPrincipalFindings(pool, principal.id),
    getAccessKeys(pool, principal.id),
    searchEvents(
      pool,
      { principal: principal.id, from: scope.from, to: scope.to },
      { sort: 'time', dir: 'desc', page: 1 },
    ),
    getTimelineFacets(pool, principal.id, scope),
  ]);
}

async function principalsList(pool: pg.Pool, q?: string) {
  const risk = await listPrincipalsByRisk({ search: q, limit: 100_000 }, pool);
  const riskScores = new Map((risk?.rows ?? []).map((row) => [row.principalId, row.riskScore]));
  return getPrincipals(pool, { q, sort: 'risk', page: 1, pageSize: 50, riskScores });
}

async function accountSummary(pool: pg.Pool) {
  const { accountId } = await busiestPrincipal(pool);
  const span = await getAccountSpan(pool, accountId);
  if (!span) throw new Error('account without events');
  const risk = await getAccountRisk(accountId, undefined, pool);
  const window = risk?.window ?? { from: new Date(span.last.getTime() - 30 * 86_400_000), to: span.last };
  return Promise.all([getAccountFindingCounts(pool, accountId), getAccountPosture(pool, accountId, window)]);
}

const cases: QueryCase[] = [
  { name: 'principal page: busiest principal, 7-day scope', run: (pool) => principalPage(pool, 7) },
  { name: 'principal page: busiest principal, 1-day scope', run: (pool) => principalPage(pool, 1) },
  { name: 'principals list: by risk', run: (pool) => principalsList(pool) },
  { name: 'principals list: search "admin"', run: (pool) => principalsList(pool, 'admin') },
  { name: 'account summary: busiest account', run: (pool) => accountSummary(pool) },
];

export default cases;
