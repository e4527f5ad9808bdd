import { getPrisma } from '@/lib/db/prisma';
import { Prisma } from '@/lib/generated/prisma/client';

export interface RuleUsage {
  findings: number;
  open: number;
  lastSeen: string | null;
}

/** Findings per rule (all of them, and those still open), for the rule list and a rule's page. */
export async function getRuleUsage(ruleId?: string): Promise<Map<string, RuleUsage>> {
  const rows = await getPrisma().$queryRaw<
    { rule_id: string; findings: bigint; open: bigint; last_seen: Date }[]
  >(
    Prisma.sql`
      SELECT rule_id, count(*) AS findings, count(*) FILTER (WHERE status = 'open') AS open, max(last_seen) AS last_seen
      FROM finding ${ruleId === undefined ? Prisma.empty : Prisma.sql`WHERE rule_id = ${ruleId}`}
      GROUP BY rule_id`,
  );
  return new Map(
    rows.map((row) => [
      row.rule_id,
      { findings: Number(row.findings), open: Number(row.open), lastSeen: row.last_seen.toISOString() },
    ]),
  );
}

/** An admin's override of a rule (migration 0004 rule_setting), if any. */
export async function getRuleSetting(ruleId: string): Promise<{ enabled: boolean; config: unknown } | null> {
  return getPrisma().ruleSetting.findUnique({ where: { ruleId }, select: { enabled: true, config: true } });
}
