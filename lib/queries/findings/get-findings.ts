import { getPrisma } from '@/lib/db/prisma';
import { FEED_PAGE_SIZE, type FeedQuery } from '@/lib/findings/feed-query';
import { Prisma } from '@/lib/generated/prisma/client';
import { feedOrderBy, feedWhere } from './feed-where';
import { FINDING_COLUMNS, FINDING_FROM, type RawFindingRow, toFindingRow } from './finding-row';
import type { FindingRow } from './types';

/** One page of the feed under the query's filters and order, with how many findings match in all. */
export async function getFindings(query: FeedQuery): Promise<{ rows: FindingRow[]; total: number }> {
  const prisma = getPrisma();
  const where = feedWhere(query);
  const [rows, counted] = await Promise.all([
    prisma.$queryRaw<RawFindingRow[]>(Prisma.sql`
      SELECT ${FINDING_COLUMNS} FROM ${FINDING_FROM} ${where} ${feedOrderBy(query)}
      LIMIT ${FEED_PAGE_SIZE} OFFSET ${(query.page - 1) * FEED_PAGE_SIZE}`),
    prisma.$queryRaw<{ total: bigint }[]>(Prisma.sql`SELECT count(*) AS total FROM finding f ${where}`),
  ]);
  return { rows: rows.map(toFindingRow), total: Number(counted[0]?.total ?? 0) };
}
