// The boundary check for one raw CloudTrail record. It is deliberately loose: CloudTrail adds fields
// without notice (eventVersion 1.11 and counting), so unknown keys pass through untouched and only
// the fields normalize.ts reads are type-checked. Payload blobs (requestParameters,
// responseElements, additionalEventData, serviceEventDetails) vary per API and are never checked.
//
// Why a hand-written validator next to a zod schema: zod's safeParse of this loose schema measured
// ~2 µs per record (it copies every object it walks), i.e. ~20 s of pure validation per 10 M
// records, more than the rest of normalisation combined. So the hot path walks FIELD_SPEC by hand,
// and `rawRecordSchema` is *generated from the same table* for callers that want a zod schema (and
// for the test that proves both agree). There is one source of truth.

import { z } from 'zod';
import { isObject, type JsonObject } from './fields';
import { parseIsoTime } from './iso-time';

// Real eventIDs are UUIDs. A much longer value is corrupt input, and it is half of the dedupe key.
export const MAX_EVENT_ID_LENGTH = 256;

// 'text': string; 'account': string, or a number from exporters that typed account ids;
// 'version': string or number; 'boolish': boolean or "true"/"false" (CloudTrail writes both).
type ScalarSpec = 'text' | 'account' | 'version' | 'boolish';
type FieldSpec = ScalarSpec | { readonly [key: string]: FieldSpec };

const FIELD_SPEC = {
  eventVersion: 'version',
  eventSource: 'text',
  eventName: 'text',
  eventType: 'text',
  eventCategory: 'text',
  awsRegion: 'text',
  recipientAccountId: 'account',
  sourceIPAddress: 'text',
  userAgent: 'text',
  errorCode: 'text',
  errorMessage: 'text',
  requestID: 'text',
  sharedEventID: 'text',
  vpcEndpointId: 'text',
  sessionCredentialFromConsole: 'boolish',
  readOnly: 'boolish',
  managementEvent: 'boolish',
  userIdentity: {
    type: 'text',
    arn: 'text',
    accountId: 'account',
    principalId: 'text',
    userName: 'text',
    accessKeyId: 'text',
    invokedBy: 'text',
    identityProvider: 'text',
    sessionContext: {
      sessionIssuer: {
        type: 'text',
        arn: 'text',
        userName: 'text',
        principalId: 'text',
        accountId: 'account',
      },
      attributes: { mfaAuthenticated: 'boolish', creationDate: 'text' },
      sourceIdentity: 'text',
      ec2RoleDelivery: 'text',
    },
    onBehalfOf: { userId: 'text', identityStoreArn: 'text' },
  },
  insightDetails: { state: 'text', eventSource: 'text', eventName: 'text', insightType: 'text' },
  addendum: { reason: 'text', updatedFields: 'text', originalRequestID: 'text', originalEventID: 'text' },
} as const satisfies Record<string, FieldSpec>;

function typeName(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const EXPECTED: Record<ScalarSpec, string> = {
  text: 'a string',
  account: 'a string',
  version: 'a string',
  boolish: 'a boolean',
};

function scalarOk(spec: ScalarSpec, value: unknown): boolean {
  switch (spec) {
    case 'text':
      return typeof value === 'string';
    case 'account':
    case 'version':
      return typeof value === 'string' || typeof value === 'number';
    case 'boolish':
      return typeof value === 'boolean' || value === 'true' || value === 'false';
  }
}

// FIELD_SPEC flattened once into arrays: iterating arrays is measurably cheaper than for..in over
// the spec object on every one of tens of millions of records.
type CompiledField = { key: string; label: string; scalar: ScalarSpec | null; nested: CompiledField[] };

function compile(spec: Record<string, FieldSpec>, prefix: string): CompiledField[] {
  return Object.entries(spec).map(([key, fieldSpec]) =>
    typeof fieldSpec === 'string'
      ? { key, label: prefix + key, scalar: fieldSpec, nested: [] }
      : { key, label: prefix + key, scalar: null, nested: compile(fieldSpec, `${prefix}${key}.`) },
  );
}

const COMPILED_SPEC = compile(FIELD_SPEC, '');

// Returns the first problem as a human reason, or null. null/undefined is always allowed: every
// checked field is optional.
function checkFields(record: JsonObject, fields: CompiledField[]): string | null {
  for (const field of fields) {
    const value = record[field.key];
    if (value === undefined || value === null) continue;
    if (field.scalar) {
      if (!scalarOk(field.scalar, value))
        return `${field.label} is ${typeName(value)}, expected ${EXPECTED[field.scalar]}`;
    } else if (!isObject(value)) {
      return `${field.label} is ${typeName(value)}, expected an object`;
    } else {
      const nested = checkFields(value, field.nested);
      if (nested) return nested;
    }
  }
  return null;
}

function zodFor(spec: FieldSpec): z.ZodType {
  if (typeof spec !== 'string') {
    const shape: Record<string, z.ZodType> = {};
    for (const key in spec) shape[key] = zodFor(spec[key] as FieldSpec).nullish();
    return z.looseObject(shape);
  }
  switch (spec) {
    case 'text':
      return z.string();
    case 'account':
    case 'version':
      return z.union([z.string(), z.number()]);
    case 'boolish':
      return z.union([z.boolean(), z.enum(['true', 'false'])]);
  }
}

// What validateRecord guarantees. Everything else on the record is unknown and must be read through
// the helpers in fields.ts.
export type RawRecord = JsonObject & { eventID: string };

export type EventTimeSource = 'eventTime' | '@timestamp';

export type ValidateResult =
  | { ok: true; record: RawRecord; eventTime: Date; eventTimeSource: EventTimeSource }
  | { ok: false; reason: string };

function checkEventId(record: JsonObject): string | null {
  const eventId = record.eventID;
  if (eventId === undefined || eventId === null) {
    // Name the common wrong inputs, so an ingest error report says what was actually fed in.
    if (Array.isArray(record.Records)) return 'a CloudTrail log file body, not a record';
    if ('digestStartTime' in record) return 'a CloudTrail digest file, not a record';
    if (typeof record.CloudTrailEvent === 'string') return 'CloudTrailEvent is not valid JSON';
    return 'missing eventID';
  }
  if (typeof eventId !== 'string') return `eventID is ${typeName(eventId)}, expected a string`;
  if (eventId.length === 0) return 'eventID is empty';
  if (eventId.length > MAX_EVENT_ID_LENGTH) return `eventID is longer than ${MAX_EVENT_ID_LENGTH} characters`;
  return null;
}

type TimeResult =
  | { ok: true; eventTime: Date; eventTimeSource: EventTimeSource }
  | { ok: false; reason: string };

function resolveEventTime(record: JsonObject): TimeResult {
  let value = record.eventTime;
  let source: EventTimeSource = 'eventTime';
  if (value === undefined || value === null) {
    // Logstash exports (OTRF Security-Datasets) move eventTime into @timestamp; see normalize.ts.
    value = record['@timestamp'];
    if (value === undefined || value === null) return { ok: false, reason: 'missing eventTime' };
    source = '@timestamp';
  }
  if (typeof value !== 'string')
    return { ok: false, reason: `${source} is ${typeName(value)}, expected a string` };
  const eventTime = parseIsoTime(value);
  if (!eventTime) return { ok: false, reason: `${source} is not an ISO-8601 time` };
  return { ok: true, eventTime, eventTimeSource: source };
}

export function validateRecord(raw: unknown): ValidateResult {
  if (!isObject(raw)) return { ok: false, reason: `record is ${typeName(raw)}, expected an object` };
  const idProblem = checkEventId(raw);
  if (idProblem) return { ok: false, reason: idProblem };
  const time = resolveEventTime(raw);
  if (!time.ok) return time;
  const problem = checkFields(raw, COMPILED_SPEC);
  if (problem) return { ok: false, reason: problem };
  return {
    ok: true,
    record: raw as RawRecord,
    eventTime: time.eventTime,
    eventTimeSource: time.eventTimeSource,
  };
}

// The same contract as validateRecord as a zod schema, for boundaries that check one record at a
// time (a single pasted event, API inputs). Required fields share validateRecord's checks so the
// two can never disagree on them; optional fields are generated from FIELD_SPEC.
export const rawRecordSchema = (zodFor(FIELD_SPEC) as z.ZodObject).superRefine((record, ctx) => {
  const reason = checkEventId(record);
  if (reason) {
    ctx.addIssue({ code: 'custom', message: reason, path: ['eventID'] });
    return;
  }
  const time = resolveEventTime(record);
  if (!time.ok) ctx.addIssue({ code: 'custom', message: time.reason, path: ['eventTime'] });
});
