// Posture signals a manager can read from the logs alone: is root being used, do people sign in
// to the console without MFA, are long-lived (AKIA) keys in use, was logging or threat detection
// switched off. Each signal links to the events that show it.

import type pg from 'pg';
import type { EventRef, PostureSignal, ScoreWindow } from './types';

const EVIDENCE_LIMIT = 20;

interface SignalSpec {
  id: PostureSignal['id'];
  label: string;
  /** A condition on `e` (event) and `p` (principal); parameters $1 account, $2 from, $3 to. */
  where: string;
  /** Any hit is an alert (a control switched off) rather than a warning (a risky habit). */
  alert: boolean;
}

const SIGNALS: SignalSpec[] = [
  {
    id: 'root_usage',
    label: 'The root user was used',
    // AWS services acting for root (invokedBy) are not a person signing in as root.
    where: `p.principal_type = 'Root' AND e.invoked_by IS NULL`,
    alert: false,
  },
  {
    id: 'console_without_mfa',
    label: 'Console sign-ins without MFA',
    where: `e.event_name = 'ConsoleLogin' AND e.mfa_authenticated IS FALSE AND e.error_code IS NULL`,
    alert: false,
  },
  {
    id: 'cloudtrail_disabled',
    label: 'CloudTrail logging stopped or a trail deleted',
    where: `e.event_name IN ('StopLogging', 'DeleteTrail') AND e.error_code IS NULL`,
    alert: true,
  },
  {
    id: 'guardduty_disabled',
    label: 'GuardDuty detector deleted or disabled',
    where: `e.error_code IS NULL AND (e.event_name IN ('DeleteDetector', 'DisassociateFromMasterAccount',
              'DisassociateFromAdministratorAccount')
            OR (e.event_name = 'UpdateDetector' AND e.detail -> 'requestParameters' ->> 'enable' = 'false'))`,
    alert: true,
  },
  {
    id: 'config_disabled',
    label: 'AWS Config recording stopped or deleted',
    where: `e.event_name IN ('StopConfigurationRecorder', 'DeleteConfigurationRecorder', 'DeleteDeliveryChannel')
            AND e.error_code IS NULL`,
    alert: true,
  },
];

export async function readPostureSignals(
  db: pg.Pool,
  accountId: string,
  window: ScoreWindow,
): Promise<PostureSignal[]> {
  const signals = await Promise.all(SIGNALS.map((spec) => readSignal(db, spec, accountId, window)));
  signals.splice(2, 0, await readLongLivedKeys(db, accountId, window));
  return signals;
}

async function readSignal(
  db: pg.Pool,
  spec: SignalSpec,
  accountId: string,
  window: ScoreWindow,
): Promise<PostureSignal> {
  const { rows } = await db.query<{ total: string; last: Date | null; events: EventRef[] | null }>(
    `WITH hits AS (
       SELECT e.account_id, e.event_id, e.event_time
       FROM event e JOIN principal p ON p.id = e.principal_id
       WHERE e.account_id = $1 AND e.event_time >= $2 AND e.event_time < $3 AND ${spec.where}
     )
     SELECT count(*) AS total, max(event_time) AS last,
            (SELECT jsonb_agg(jsonb_build_object('accountId', account_id, 'eventId', event_id,
                      'eventTime', to_char(event_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
             FROM (SELECT * FROM hits ORDER BY event_time DESC LIMIT ${EVIDENCE_LIMIT}) recent) AS events
     FROM hits`,
    [accountId, window.from, window.to],
  );
  const row = rows[0];
  const count = Number(row?.total ?? 0);
  return {
    id: spec.id,
    label: spec.label,
    status: count === 0 ? 'ok' : spec.alert ? 'alert' : 'warning',
    count,
    lastSeen: row?.last ? row.last.toISOString() : null,
    evidence: row?.events ?? [],
  };
}

/** Distinct long-term (AKIA) keys that made calls, from the per-day items (no event scan). */
async function readLongLivedKeys(
  db: pg.Pool,
  accountId: string,
  window: ScoreWindow,
): Promise<PostureSignal> {
  const { rows } = await db.query<{ keys: string; last: Date | null; events: EventRef[] | null }>(
    `WITH used AS (
       SELECT value, max(first_time) AS last_time,
              (array_agg(first_event_id ORDER BY first_time DESC))[1] AS event_id,
              (array_agg(first_time ORDER BY first_time DESC))[1] AS event_time
       FROM principal_day_item
       WHERE account_id = $1 AND kind = 'access_key' AND value LIKE 'AKIA%'
         AND day >= ($2::timestamptz AT TIME ZONE 'UTC')::date AND day < $3::timestamptz
       GROUP BY value
     )
     SELECT count(*) AS keys, max(last_time) AS last,
            jsonb_agg(jsonb_build_object('accountId', $1::text, 'eventId', event_id,
              'eventTime', to_char(event_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))) AS events
     FROM used`,
    [accountId, window.from, window.to],
  );
  const count = Number(rows[0]?.keys ?? 0);
  return {
    id: 'long_lived_keys',
    label: 'Long-lived access keys in use',
    status: count === 0 ? 'ok' : 'warning',
    count,
    lastSeen: rows[0]?.last ? rows[0].last.toISOString() : null,
    evidence: (rows[0]?.events ?? []).slice(0, EVIDENCE_LIMIT),
  };
}
