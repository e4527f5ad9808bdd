import { getPrisma } from '@/lib/db/prisma';
import { Prisma } from '@/lib/generated/prisma/client';
import type { EvidenceEvent } from './types';

export const EVIDENCE_LIMIT = 500;

interface Raw {
  account_id: string;
  event_id: string;
  event_time: Date;
  stored: boolean;
  region: string | null;
  event_source: string | null;
  event_name: string | null;
  error_code: string | null;
  read_only: boolean | null;
  principal_name: string | null;
  access_key_id: string | null;
  source_ip: string | null;
  country: string | null;
  as_org: string | null;
  user_agent: string | null;
}

/**
 * The events behind a finding, oldest first, with who, from where and with what agent. The join
 * names event_time so Postgres reads only the partition that holds each event.
 */
export async function getFindingEvidence(
  findingId: bigint,
  { limit = EVIDENCE_LIMIT }: { limit?: number } = {},
): Promise<{ events: EvidenceEvent[]; total: number }> {
  const prisma = getPrisma();
  const [rows, counted] = await Promise.all([
    prisma.$queryRaw<Raw[]>(Prisma.sql`
      SELECT fe.account_id, fe.event_id, fe.event_time, e.event_id IS NOT NULL AS stored, e.region,
        e.event_source, e.event_name, e.error_code, e.read_only, p.name AS principal_name, e.access_key_id,
        host(e.source_ip) AS source_ip, coalesce(ip.country, ip.country_code) AS country, ip.as_org,
        ua.value AS user_agent
      FROM finding_event fe
      LEFT JOIN event e
        ON e.account_id = fe.account_id AND e.event_id = fe.event_id AND e.event_time = fe.event_time
      LEFT JOIN principal p ON p.id = e.principal_id
      LEFT JOIN user_agent ua ON ua.id = e.user_agent_id
      LEFT JOIN ip_address ip ON ip.ip = e.source_ip
      WHERE fe.finding_id = ${findingId}
      ORDER BY fe.event_time, fe.event_id
      LIMIT ${limit}`),
    prisma.$queryRaw<{ total: bigint }[]>(
      Prisma.sql`SELECT count(*) AS total FROM finding_event WHERE finding_id = ${findingId}`,
    ),
  ]);
  return {
    events: rows.map((row) => ({
      accountId: row.account_id,
      eventId: row.event_id,
      eventTime: row.event_time.toISOString(),
      stored: row.stored,
      region: row.region,
      eventSource: row.event_source,
      eventName: row.event_name,
      errorCode: row.error_code,
      readOnly: row.read_only,
      principalName: row.principal_name,
      accessKeyId: row.access_key_id,
      sourceIp: row.source_ip,
      country: row.country,
      asOrg: row.as_org,
      userAgent: row.user_agent,
    })),
    total: Number(counted[0]?.total ?? 0),
  };
}
