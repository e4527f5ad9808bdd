import type { NormalizedEvent } from '../cloudtrail/types';

/**
 * Column order of every COPY into `event`; toCopyRow writes the values in exactly this order, up
 * to the dimension ids, which CopyTextWriter appends last (they may be known only after a round
 * trip).
 */
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
  'error_message',
  'access_key_id',
  'mfa_authenticated',
  'is_console',
  'invoked_by',
  'source_ip',
  'source_host',
  'ip_kind',
  'request_id',
  'shared_event_id',
  'vpc_endpoint_id',
  'ingest_file_id',
  'raw_ordinal',
  'detail',
  'principal_id',
  'user_agent_id',
] as const;

/**
 * The parts of a record that vary by API and have no column of their own. Rules and the events
 * explorer read them in SQL; everything else about the record is in the columns or, whole, in
 * raw_chunk.
 */
const DETAIL_KEYS = [
  'requestParameters',
  'responseElements',
  'additionalEventData',
  'resources',
  'serviceEventDetails',
  'addendum',
  'insightDetails',
] as const;

export function detailJson(record: Record<string, unknown>): string | null {
  const detail: Record<string, unknown> = {};
  let present = false;
  for (const key of DETAIL_KEYS) {
    const value = record[key];
    if (value !== null && value !== undefined) {
      detail[key] = value;
      present = true;
    }
  }
  return present ? JSON.stringify(detail) : null;
}

export interface EventLocation {
  ingestFileId: string;
  rawOrdinal: number;
}

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

/** The event's COPY values up to its dimension ids, without the line's end. */
export function toCopyRow(event: NormalizedEvent, location: EventLocation, detail: string | null): string {
  return `${copyText(event.recipientAccountId)}\t${copyText(event.eventId)}\t${event.eventTime.toISOString()}\t${copyText(
    event.awsRegion,
  )}\t${copyText(event.eventSource)}\t${copyText(event.service)}\t${copyText(event.eventName)}\t${copyText(
    event.eventType,
  )}\t${copyText(event.eventCategory)}\t${copyBool(event.readOnly)}\t${copyText(event.errorCode)}\t${copyText(
    event.errorMessage,
  )}\t${copyText(event.accessKeyId)}\t${copyBool(event.mfaAuthenticated)}\t${copyBool(
    event.isConsole,
  )}\t${copyText(event.invokedBy)}\t${copyText(event.sourceIp)}\t${
    event.sourceIp === null ? copyText(event.sourceIpRaw) : '\\N'
  }\t${copyText(event.ipKind)}\t${copyText(event.requestId)}\t${copyText(
    event.sharedEventId,
  )}\t${copyText(event.vpcEndpointId)}\t${location.ingestFileId}\t${location.rawOrdinal}\t${copyText(detail)}`;
}
