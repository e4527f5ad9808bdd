import 'server-only';
import { getPool } from '@/lib/db/pg-pool';
import { getPrisma } from '@/lib/db/prisma';
import { SEVERITIES, type Severity } from '@/lib/severity';
import { fillDays } from './activity';
import { type CaseEventRow, type EventKey, loadFindingEvidence } from './event-rows';
import { type CaseDetail, type FindingSummary, loadCase, type PrincipalSummary } from './load-case';
import { buildTimeline, type TimelineEntry } from './timeline';

// Everything the case report (HTML and Markdown) holds. IOCs and activity are counted over all
// the case's events: the bookmarked ones and every evidence event of its findings.

export const EVIDENCE_PER_FINDING = 25;

export interface InvolvedPrincipal extends PrincipalSummary {
  findingCount: number;
  maxSeverity: Severity | null;
  eventCount: number;
  bookmarked: boolean;
}

export interface CaseIocs {
  ips: { ip: string; asn: number | null; asOrg: string | null; countryCode: string | null; events: number }[];
  asns: { asn: number; asOrg: string | null; events: number }[];
  accessKeys: { accessKeyId: string; events: number }[];
  userAgents: { userAgent: string; events: number }[];
}

export interface CaseReport {
  detail: CaseDetail;
  timeline: TimelineEntry[];
  findings: { finding: FindingSummary; evidence: CaseEventRow[] }[];
  principals: InvolvedPrincipal[];
  iocs: CaseIocs;
  /** Events per UTC day, oldest first, with empty days filled in. */
  activity: { day: string; events: number }[];
  generatedAt: Date;
}

const IOC_LIMIT = 50;

export async function loadCaseReport(caseId: bigint): Promise<CaseReport | null> {
  const detail = await loadCase(caseId);
  if (!detail) return null;
  const findings = detail.items.flatMap((item) =>
    item.kind === 'finding' && item.finding ? [item.finding] : [],
  );
  const findingIds = findings.map((finding) => BigInt(finding.id));
  const bookmarked: EventKey[] = detail.items.flatMap((item) =>
    item.kind === 'event'
      ? [{ accountId: item.accountId, eventId: item.eventId, eventTime: item.eventTime }]
      : [],
  );

  const [evidence, iocs, activity, principalStats] = await Promise.all([
    loadFindingEvidence(findingIds, EVIDENCE_PER_FINDING),
    loadIocs(findingIds, bookmarked),
    loadActivity(findingIds, bookmarked),
    loadPrincipalEventCounts(findingIds, bookmarked),
  ]);

  const principalIds = new Set<string>(principalStats.keys());
  for (const item of detail.items) if (item.kind === 'principal') principalIds.add(item.principalId);
  for (const finding of findings) if (finding.principalId) principalIds.add(finding.principalId);
  const principalRows = await getPrisma().principal.findMany({
    where: { id: { in: [...principalIds].map((id) => BigInt(id)) } },
  });
  const bookmarkedPrincipals = new Set(
    detail.items.flatMap((item) => (item.kind === 'principal' ? [item.principalId] : [])),
  );
  const principals = principalRows
    .map((row): InvolvedPrincipal => {
      const id = row.id.toString();
      const own = findings.filter((finding) => finding.principalId === id);
      return {
        id,
        accountId: row.accountId,
        name: row.name,
        principalType: row.principalType,
        arn: row.arn,
        findingCount: own.length,
        maxSeverity: own.reduce<Severity | null>(
          (max, finding) =>
            max === null || SEVERITIES.indexOf(finding.severity) > SEVERITIES.indexOf(max)
              ? finding.severity
              : max,
          null,
        ),
        eventCount: principalStats.get(id) ?? 0,
        bookmarked: bookmarkedPrincipals.has(id),
      };
    })
    .sort(
      (a, b) =>
        SEVERITIES.indexOf(b.maxSeverity ?? 'info') - SEVERITIES.indexOf(a.maxSeverity ?? 'info') ||
        (b.maxSeverity ? 1 : 0) - (a.maxSeverity ? 1 : 0) ||
        b.eventCount - a.eventCount,
    );

  return {
    detail,
    timeline: buildTimeline(detail),
    findings: findings.map((finding) => ({
      finding,
      evidence: evidence.filter((row) => row.findingId === finding.id),
    })),
    principals,
    iocs,
    activity,
    generatedAt: new Date(),
  };
}

// The case's events as one CTE: evidence of its findings plus the bookmarked events.
const CASE_EVENTS = `
  WITH keys AS (
    SELECT account_id, event_id, event_time FROM finding_event WHERE finding_id = ANY($1::bigint[])
    UNION
    SELECT * FROM unnest($2::text[], $3::text[], $4::timestamptz[])
  ),
  case_events AS (
    SELECT e.* FROM keys k
      JOIN event e ON e.account_id = k.account_id AND e.event_id = k.event_id AND e.event_time = k.event_time
  )`;

function caseEventParams(findingIds: readonly bigint[], keys: readonly EventKey[]) {
  return [
    findingIds.map(String),
    keys.map((key) => key.accountId),
    keys.map((key) => key.eventId),
    keys.map((key) => key.eventTime),
  ];
}

async function loadIocs(findingIds: readonly bigint[], keys: readonly EventKey[]): Promise<CaseIocs> {
  const pool = getPool();
  const params = caseEventParams(findingIds, keys);
  const [ips, asns, accessKeys, userAgents] = await Promise.all([
    pool.query<CaseIocs['ips'][number]>(
      `${CASE_EVENTS}
       SELECT host(ce.source_ip) AS ip, ip.asn, ip.as_org AS "asOrg", ip.country_code AS "countryCode",
              count(*)::int AS events
         FROM case_events ce LEFT JOIN ip_address ip ON ip.ip = ce.source_ip
        WHERE ce.source_ip IS NOT NULL
        GROUP BY 1, 2, 3, 4 ORDER BY events DESC, ip LIMIT ${IOC_LIMIT}`,
      params,
    ),
    pool.query<CaseIocs['asns'][number]>(
      `${CASE_EVENTS}
       SELECT ip.asn, max(ip.as_org) AS "asOrg", count(*)::int AS events
         FROM case_events ce JOIN ip_address ip ON ip.ip = ce.source_ip
        WHERE ip.asn IS NOT NULL
        GROUP BY 1 ORDER BY events DESC, asn LIMIT ${IOC_LIMIT}`,
      params,
    ),
    pool.query<CaseIocs['accessKeys'][number]>(
      `${CASE_EVENTS}
       SELECT access_key_id AS "accessKeyId", count(*)::int AS events
         FROM case_events WHERE access_key_id IS NOT NULL
        GROUP BY 1 ORDER BY events DESC, 1 LIMIT ${IOC_LIMIT}`,
      params,
    ),
    pool.query<CaseIocs['userAgents'][number]>(
      `${CASE_EVENTS}
       SELECT ua.value AS "userAgent", count(*)::int AS events
         FROM case_events ce JOIN user_agent ua ON ua.id = ce.user_agent_id
        GROUP BY 1 ORDER BY events DESC, 1 LIMIT ${IOC_LIMIT}`,
      params,
    ),
  ]);
  return { ips: ips.rows, asns: asns.rows, accessKeys: accessKeys.rows, userAgents: userAgents.rows };
}

async function loadActivity(
  findingIds: readonly bigint[],
  keys: readonly EventKey[],
): Promise<CaseReport['activity']> {
  const { rows } = await getPool().query<{ day: string; events: number }>(
    `${CASE_EVENTS}
     SELECT to_char(date_trunc('day', event_time AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, count(*)::int AS events
       FROM case_events GROUP BY 1 ORDER BY 1`,
    caseEventParams(findingIds, keys),
  );
  return fillDays(rows);
}

async function loadPrincipalEventCounts(
  findingIds: readonly bigint[],
  keys: readonly EventKey[],
): Promise<Map<string, number>> {
  const { rows } = await getPool().query<{ principalId: string; events: number }>(
    `${CASE_EVENTS}
     SELECT principal_id::text AS "principalId", count(*)::int AS events FROM case_events GROUP BY 1`,
    caseEventParams(findingIds, keys),
  );
  return new Map(rows.map((row) => [row.principalId, row.events]));
}
