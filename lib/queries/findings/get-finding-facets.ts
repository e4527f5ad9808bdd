import { getPrisma } from '@/lib/db/prisma';
import type { FeedQuery } from '@/lib/findings/feed-query';
import { TACTIC_LIST, type TacticRef, tacticOf } from '@/lib/findings/rule-info';
import { Prisma } from '@/lib/generated/prisma/client';
import { SEVERITIES, type Severity } from '@/lib/severity';
import { feedWhere } from './feed-where';

export interface TacticCount {
  /** Null for findings of rules outside the catalogue (imported Sigma rules). */
  tactic: TacticRef | null;
  count: number;
}

export interface FindingFacets {
  bySeverity: Record<Severity, number>;
  /** Tactics with at least one finding, in kill-chain order; unmapped last. */
  byTactic: TacticCount[];
}

/**
 * Counts for the bars above the feed. Each facet applies every filter but its own, so picking
 * "critical" still shows how many highs a click away there are.
 */
export async function getFindingFacets(query: FeedQuery): Promise<FindingFacets> {
  const prisma = getPrisma();
  const [severityRows, ruleRows] = await Promise.all([
    prisma.$queryRaw<{ severity: string; count: bigint }[]>(Prisma.sql`
      SELECT f.severity, count(*) AS count FROM finding f ${feedWhere(query, 'severity')} GROUP BY f.severity`),
    // Tactics are rule metadata, not a column: count per rule in SQL, then sum per tactic here.
    prisma.$queryRaw<{ rule_id: string; count: bigint }[]>(Prisma.sql`
      SELECT f.rule_id, count(*) AS count FROM finding f ${feedWhere(query, 'tactic')} GROUP BY f.rule_id`),
  ]);

  const bySeverity = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<
    Severity,
    number
  >;
  for (const row of severityRows) bySeverity[row.severity as Severity] = Number(row.count);

  const perTactic = new Map<string | null, number>();
  for (const row of ruleRows) {
    const id = tacticOf(row.rule_id)?.id ?? null;
    perTactic.set(id, (perTactic.get(id) ?? 0) + Number(row.count));
  }
  const byTactic: TacticCount[] = TACTIC_LIST.filter((tactic) => perTactic.has(tactic.id)).map((tactic) => ({
    tactic,
    count: perTactic.get(tactic.id) ?? 0,
  }));
  const unmapped = perTactic.get(null);
  if (unmapped) byTactic.push({ tactic: null, count: unmapped });
  return { bySeverity, byTactic };
}
