// Public API of the CloudTrail normalisation core. Pure functions only: no I/O, no database.

export { normalizeEventName, serviceFromEventSource } from './event-name';
export { bool, isObject, type JsonObject, MAX_FIELD_LENGTH, obj, str } from './fields';
export { classifyIp, type IpClassification, type IpKind } from './ip';
export { parseIsoTime } from './iso-time';
export { isAccessDeniedCode, normalizeRecord, unwrapRecord } from './normalize';
export {
  derivePrincipal,
  HIDDEN_USER_NAME,
  type Principal,
  type PrincipalType,
  type RoleSessionKind,
} from './principal';
export {
  type EventTimeSource,
  MAX_EVENT_ID_LENGTH,
  type RawRecord,
  rawRecordSchema,
  type ValidateResult,
  validateRecord,
} from './record-schema';
export type {
  ConsoleLoginOutcome,
  InsightState,
  NormalizeContext,
  NormalizedEvent,
  NormalizeResult,
} from './types';
export {
  classifyUserAgent,
  cleanUserAgent,
  type UserAgentClassification,
  type UserAgentFamily,
} from './user-agent';
