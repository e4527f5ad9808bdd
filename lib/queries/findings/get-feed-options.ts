import { getPrisma } from '@/lib/db/prisma';
import { catalogueRule } from '@/lib/findings/rule-info';
import { Prisma } from '@/lib/generated/prisma/client';

export interface FeedOptions {
  accounts: string[];
  /** Rules that have findings, titled from the catalogue (else as stored: imported rules). */
  rules: { ruleId: string; title: string; count: number }[];
  /** Principals with the most findings (a select cannot hold thousands). */
  principals: { id: string; name: string; accountId: string; count: number }[];
  /** Whether there is any finding at all, to tell "none yet" from "none match". */
  anyFindings: boolean;
}

const PRINCIPAL_OPTIONS = 200;

/** The choices of the feed's filter selects: only values that occur in findings. */
export async function getFeedOptions(): Promise<FeedOptions> {
  const prisma = getPrisma();
  const [accounts, rules, principals] = await Promise.all([
    prisma.$queryRaw<{ account_id: string }[]>(
      Prisma.sql`SELECT DISTINCT account_id FROM finding ORDER BY account_id`,
    ),
    prisma.$queryRaw<{ rule_id: string; title: string; count: bigint }[]>(Prisma.sql`
      SELECT rule_id, max(title) AS title, count(*) AS count FROM finding GROUP BY rule_id ORDER BY rule_id`),
    prisma.$queryRaw<{ id: string; name: string; account_id: string; count: bigint }[]>(Prisma.sql`
      SELECT p.id::text AS id, p.name, p.account_id, count(*) AS count
      FROM finding f JOIN principal p ON p.id = f.principal_id
      GROUP BY p.id ORDER BY count(*) DESC, p.name LIMIT ${PRINCIPAL_OPTIONS}`),
  ]);
  return {
    accounts: accounts.map((row) => row.account_id),
    rules: rules.map((row) => ({
      ruleId: row.rule_id,
      title: catalogueRule(row.rule_id)?.title ?? row.title,
      count: Number(row.count),
    })),
    principals: principals
      .map((row) => ({ id: row.id, name: row.name, accountId: row.account_id, count: Number(row.count) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    anyFindings: rules.length > 0,
  };
}
