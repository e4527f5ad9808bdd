import type { TimeWindow } from '@/lib/principals/scope';
import type { Db } from '../principals/db';

export interface RootUsage {
  calls: number;
  consoleLogins: number;
  lastUsed: Date | null;
  principalId: string | null;
  ips: string[];
}

export interface ConsoleLoginWithoutMfa {
  principalId: string;
  name: string;
  logins: number;
  lastLogin: Date;
}

export interface LongLivedKey {
  accessKeyId: string;
  principalId: string;
  name: string;
  calls: number;
  lastUse: Date;
  /** When its CreateAccessKey is in the trails; null means older than the archive. */
  createdAt: Date | null;
}

export interface LoggingChange {
  accountId: string;
  eventId: string;
  eventTime: Date;
  eventName: string;
  /** 'CloudTrail', 'GuardDuty' or 'Config'. */
  service: string;
  principalId: string;
  principalName: string;
  region: string | null;
  /** Switched back on later in the window (StartLogging after StopLogging, ...). */
  restored: boolean;
}

export interface AccountPosture {
  root: RootUsage;
  consoleWithoutMfa: ConsoleLoginWithoutMfa[];
  longLivedKeys: LongLivedKey[];
  loggingChanges: LoggingChange[];
}

// What turns off or blinds CloudTrail, GuardDuty and Config, and what turns each back on.
const DISABLING: Record<string, { service: string; restoredBy: string[] }> = {
  StopLogging: { service: 'CloudTrail', restoredBy: ['StartLogging'] },
  DeleteTrail: { service: 'CloudTrail', restoredBy: ['CreateTrail'] },
  DeleteDetector: { service: 'GuardDuty', restoredBy: ['CreateDetector'] },
  DisassociateFromMasterAccount: { service: 'GuardDuty', restoredBy: ['AcceptInvitation'] },
  StopConfigurationRecorder: { service: 'Config', restoredBy: ['StartConfigurationRecorder'] },
  DeleteConfigurationRecorder: { service: 'Config', restoredBy: ['PutConfigurationRecorder'] },
  DeleteDeliveryChannel: { service: 'Config', restoredBy: ['PutDeliveryChannel'] },
};
const RESTORED_BY = Object.fromEntries(Object.entries(DISABLING).map(([name, d]) => [name, d.restoredBy]));

/**
 * The detail behind an account's posture signals (lib/scores/posture.ts says whether each is
 * raised): who used root and from where, who signs in without MFA, which long-lived keys are in
 * use and since when, and whether logging that was switched off came back on.
 */
export async function getAccountPosture(
  db: Db,
  accountId: string,
  window: TimeWindow,
): Promise<AccountPosture> {
  const args = [accountId, window.from, window.to];
  const [root, mfa, keys, logging] = await Promise.all([
    db.query<RootUsage>(
      `SELECT count(e.*)::int AS calls,
              count(e.*) FILTER (WHERE e.event_name = 'ConsoleLogin')::int AS "consoleLogins",
              max(e.event_time) AS "lastUsed", min(p.id)::text AS "principalId",
              coalesce((array_agg(DISTINCT host(e.source_ip)) FILTER (WHERE e.source_ip IS NOT NULL))[1:5], '{}') AS ips
         FROM principal p
         LEFT JOIN event e ON e.principal_id = p.id AND e.event_time >= $2 AND e.event_time < $3
        WHERE p.account_id = $1 AND p.principal_type = 'Root'`,
      args,
    ),
    db.query<ConsoleLoginWithoutMfa>(
      `SELECT p.id::text AS "principalId", p.name, count(*)::int AS logins, max(e.event_time) AS "lastLogin"
         FROM event e JOIN principal p ON p.id = e.principal_id
        WHERE e.event_name = 'ConsoleLogin' AND e.event_time >= $2 AND e.event_time < $3 AND e.account_id = $1
          AND e.mfa_authenticated IS FALSE AND e.error_code IS NULL
          AND coalesce(e.detail->'responseElements'->>'ConsoleLogin', 'Success') = 'Success'
        GROUP BY p.id, p.name ORDER BY 3 DESC, 2 LIMIT 20`,
      args,
    ),
    // Long-lived keys are IAM user (and root) keys: their principal rows are few, so the scan goes
    // through event_principal_time_idx for those principals only.
    db.query<LongLivedKey>(
      `SELECT k.access_key_id AS "accessKeyId", k.principal_id::text AS "principalId", p.name, k.calls,
              k.last_use AS "lastUse",
              (SELECT min(c.event_time) FROM event c
                WHERE c.event_name = 'CreateAccessKey' AND c.error_code IS NULL
                  AND c.detail->'responseElements'->'accessKey'->>'accessKeyId' = k.access_key_id) AS "createdAt"
         FROM (
           SELECT e.access_key_id, e.principal_id, count(*)::int AS calls, max(e.event_time) AS last_use
             FROM principal u JOIN event e ON e.principal_id = u.id
            WHERE u.account_id = $1 AND u.principal_type IN ('IAMUser', 'Root')
              AND e.event_time >= $2 AND e.event_time < $3 AND e.access_key_id LIKE 'AKIA%'
            GROUP BY 1, 2
         ) k JOIN principal p ON p.id = k.principal_id
        ORDER BY k.last_use DESC LIMIT 50`,
      args,
    ),
    db.query<Omit<LoggingChange, 'service' | 'restored'> & { restoredAt: Date | null }>(
      `SELECT e.account_id AS "accountId", e.event_id AS "eventId", e.event_time AS "eventTime",
              e.event_name AS "eventName", e.principal_id::text AS "principalId", p.name AS "principalName",
              e.region,
              (SELECT min(r.event_time) FROM event r
                WHERE r.event_name IN (SELECT jsonb_array_elements_text($5::jsonb -> e.event_name)) AND r.event_time > e.event_time AND r.event_time < $3
                  AND r.account_id = e.account_id AND r.region IS NOT DISTINCT FROM e.region
                  AND r.error_code IS NULL) AS "restoredAt"
         FROM event e JOIN principal p ON p.id = e.principal_id
        WHERE e.event_name = ANY($4::text[]) AND e.event_time >= $2 AND e.event_time < $3
          AND e.account_id = $1 AND e.error_code IS NULL
        ORDER BY e.event_time DESC LIMIT 50`,
      [...args, Object.keys(DISABLING), JSON.stringify(RESTORED_BY)],
    ),
  ]);
  return {
    root: root.rows[0] ?? { calls: 0, consoleLogins: 0, lastUsed: null, principalId: null, ips: [] },
    consoleWithoutMfa: mfa.rows,
    longLivedKeys: keys.rows,
    loggingChanges: logging.rows.map(({ restoredAt, ...row }) => ({
      ...row,
      service: DISABLING[row.eventName]?.service ?? 'CloudTrail',
      restored: restoredAt !== null,
    })),
  };
}
