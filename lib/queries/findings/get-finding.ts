import { getPrisma } from '@/lib/db/prisma';
import { Prisma } from '@/lib/generated/prisma/client';
import { FINDING_COLUMNS, FINDING_FROM, type RawFindingRow, toFindingRow } from './finding-row';
import type { FindingDetail } from './types';

export async function getFinding(findingId: bigint): Promise<FindingDetail | null> {
  const rows = await getPrisma().$queryRaw<RawFindingRow[]>(
    Prisma.sql`SELECT ${FINDING_COLUMNS} FROM ${FINDING_FROM} WHERE f.id = ${findingId}`,
  );
  const row = rows[0];
  if (!row) return null;
  return {
    ...toFindingRow(row),
    principalArn: row.principal_arn,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
