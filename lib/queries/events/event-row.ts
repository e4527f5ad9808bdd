/** One event as listings show it: the narrow row with its principal, user agent and IP details. */
export interface EventRow {
  accountId: string;
  eventId: string;
  /** ISO 8601, UTC. */
  eventTime: string;
  region: string | null;
  service: string | null;
  eventSource: string | null;
  eventName: string | null;
  readOnly: boolean | null;
  errorCode: string | null;
  errorMessage: string | null;
  sourceIp: string | null;
  sourceHost: string | null;
  accessKeyId: string | null;
  principalId: string;
  principalName: string;
  principalType: string;
  principalArn: string | null;
  userAgent: string | null;
  userAgentFamily: string | null;
  countryCode: string | null;
  country: string | null;
  asn: number | null;
  asOrg: string | null;
}

export interface EventDbRow {
  account_id: string;
  event_id: string;
  event_time: Date;
  region: string | null;
  service: string | null;
  event_source: string | null;
  event_name: string | null;
  read_only: boolean | null;
  error_code: string | null;
  error_message: string | null;
  source_ip: string | null;
  source_host: string | null;
  access_key_id: string | null;
  principal_id: string;
  principal_name: string;
  principal_type: string;
  principal_arn: string | null;
  user_agent: string | null;
  user_agent_family: string | null;
  country_code: string | null;
  country: string | null;
  asn: number | null;
  as_org: string | null;
}

export function toEventRow(row: EventDbRow): EventRow {
  return {
    accountId: row.account_id,
    eventId: row.event_id,
    eventTime: row.event_time.toISOString(),
    region: row.region,
    service: row.service,
    eventSource: row.event_source,
    eventName: row.event_name,
    readOnly: row.read_only,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    sourceIp: row.source_ip,
    sourceHost: row.source_host,
    accessKeyId: row.access_key_id,
    principalId: row.principal_id,
    principalName: row.principal_name,
    principalType: row.principal_type,
    principalArn: row.principal_arn,
    userAgent: row.user_agent,
    userAgentFamily: row.user_agent_family,
    countryCode: row.country_code,
    country: row.country,
    asn: row.asn,
    asOrg: row.as_org,
  };
}
