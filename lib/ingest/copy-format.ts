import type { NormalizedEvent } from '../cloudtrail/types';

/** Column order of every COPY into event_stage; toCopyLine writes values in exactly this order. */
export const EVENT_COLUMNS = [
  'account_id',
  'event_id',
  'event_time',
  'region',
  'event_source',
  'service',
  'event_name',
  'event_type',
  'event_category',
  'read_only',
  'error_code',
  'principal_key',
  'principal_type',
  'principal_name',
  'principal_arn',
  'principal_account_id',
  'base_role_arn',
  'session_name',
  'access_key_id',
  'session_issuer_arn',
  'mfa_authenticated',
  'is_console',
  'source_ip',
  'source_ip_raw',
  'ip_kind',
  'user_agent',
  'ua_family',
  'shared_event_id',
  'request_id',
  'ingest_file_id',
  'raw',
] as const;

const NEEDS_ESCAPE = /[\\\n\r\t\0]/;
const ESCAPABLE = /[\\\n\r\t\0]/g;
const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\0': '\uFFFD',
};

/** COPY text format: backslash escapes, \N for NULL. NUL cannot be stored in Postgres text. */
export function copyText(value: string | null): string {
  if (value === null) return '\\N';
  return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPABLE, (ch) => ESCAPES[ch] as string) : value;
}

function copyBool(value: boolean | null): string {
  return value === null ? '\\N' : value ? 't' : 'f';
}

export function toCopyLine(event: NormalizedEvent, rawJson: string, ingestFileId: string): string {
  return `${[
    copyText(event.recipientAccountId),
    copyText(event.eventId),
    event.eventTime.toISOString(),
    copyText(event.awsRegion),
    copyText(event.eventSource),
    copyText(event.service),
    copyText(event.eventName),
    copyText(event.eventType),
    copyText(event.eventCategory),
    copyBool(event.readOnly),
    copyText(event.errorCode),
    copyText(event.principalKey),
    copyText(event.principalType),
    copyText(event.principalName),
    copyText(event.principalArn),
    copyText(event.principalAccountId),
    copyText(event.baseRoleArn),
    copyText(event.sessionName),
    copyText(event.accessKeyId),
    copyText(event.sessionIssuerArn),
    copyBool(event.mfaAuthenticated),
    copyBool(event.isConsole),
    copyText(event.sourceIp),
    copyText(event.sourceIpRaw),
    copyText(event.ipKind),
    copyText(event.userAgent),
    copyText(event.userAgentFamily),
    copyText(event.sharedEventId),
    copyText(event.requestId),
    ingestFileId,
    copyText(rawJson),
  ].join('\t')}\n`;
}
