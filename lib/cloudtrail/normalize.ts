// Turns one raw CloudTrail record into a NormalizedEvent. Pure and synchronous: ingest calls this
// tens of millions of times per run, so it allocates little, compiles no regex per call, and reads
// each field through the defensive helpers in fields.ts instead of a full schema parse.
//
// Decisions worth knowing:
// - eventTime falls back to the Logstash `@timestamp` when eventTime is absent. The OTRF
//   Security-Datasets export (SOURCE.md of otrf-security-datasets-aws-cloud-breach-s3) dropped
//   eventTime after Logstash's date filter copied it into @timestamp, so @timestamp *is* the event
//   time there (same second, ".000Z" milliseconds). If both exist, eventTime wins and @timestamp (an
//   indexing time in other pipelines) is ignored. eventTimeSource records which one was used.
// - recipientAccountId (the log owner, and half of the dedupe key) falls back to the 12-digit
//   account in the S3 key ("AWSLogs/[o-xxx/]<acct>/CloudTrail/..."), which names the same log owner,
//   then to userIdentity.accountId (the credential owner: the same account except for cross-account
//   calls), then to ''. '' keeps the row storable and groups such records visibly, instead of
//   rejecting events that very old or hand-made exports carry without the field.
// - A field of the wrong type is rejected by validateRecord with a reason; a *missing* optional
//   field is simply null.

import { normalizeEventName, serviceFromEventSource } from './event-name';
import { accountIdOf, bool, isObject, type JsonObject, obj, str } from './fields';
import { classifyIp } from './ip';
import { derivePrincipal } from './principal';
import { validateRecord } from './record-schema';
import type { ConsoleLoginOutcome, InsightState, NormalizeContext, NormalizeResult } from './types';
import { classifyUserAgent } from './user-agent';

const ACCOUNT_ID_RE = /^\d{12}$/;
const ACCOUNT_FROM_KEY_RE = /AWSLogs\/(?:o-[a-z0-9]+\/)?(\d{12})\//;

// Authorization failures, with or without EC2's "Client."/"Server." prefix. Authentication
// failures (InvalidClientTokenId, SignatureDoesNotMatch, ExpiredToken) are deliberately excluded:
// "denied" means valid credentials asked for something they may not do, which is what recon and
// privilege-probing rules count. AuthorizationPendingException (SSO device flow polling) is benign
// and must not match, hence no bare "Authorization" prefix.
export const ACCESS_DENIED_RE =
  /^(?:\w+\.)?(?:AccessDenied\w*|Unauthorized\w*|Forbidden\w*|NotAuthorized\w*|AuthorizationError\w*|AuthorizationException)$/;

export function isAccessDeniedCode(errorCode: string | null): boolean {
  return errorCode !== null && ACCESS_DENIED_RE.test(errorCode);
}

// LookupEvents/CLI output wraps each record as a JSON *string* in CloudTrailEvent; EventBridge wraps
// it as `detail`. Anything else is returned as is (same reference, which ingest relies on to know
// whether it must re-serialise). A CloudTrailEvent that is not valid JSON is also returned as is;
// validateRecord then rejects it with "CloudTrailEvent is not valid JSON".
export function unwrapRecord(item: unknown): unknown {
  if (!isObject(item) || 'eventID' in item) return item;
  const inner = item.CloudTrailEvent;
  if (typeof inner === 'string') {
    try {
      return JSON.parse(inner);
    } catch {
      return item;
    }
  }
  if (isObject(inner)) return inner;
  const detailType = item['detail-type'];
  if (typeof detailType === 'string' && isObject(item.detail)) {
    if (detailType.endsWith('via CloudTrail') || 'eventID' in item.detail) return item.detail;
  }
  return item;
}

function recipientAccount(
  record: JsonObject,
  identity: JsonObject | null,
  sourceFile: string | undefined,
): string {
  const direct = accountIdOf(record.recipientAccountId);
  if (direct) return direct;
  if (sourceFile) {
    const fromKey = ACCOUNT_FROM_KEY_RE.exec(sourceFile)?.[1];
    if (fromKey) return fromKey;
  }
  const credentialOwner = accountIdOf(identity?.accountId);
  return credentialOwner && ACCOUNT_ID_RE.test(credentialOwner) ? credentialOwner : '';
}

function loginOutcome(record: JsonObject, errorCode: string | null): ConsoleLoginOutcome | null {
  const outcome = obj(record.responseElements)?.ConsoleLogin;
  if (outcome === 'Success' || outcome === 'Failure') return outcome;
  return errorCode !== null || str(record.errorMessage) !== null ? 'Failure' : null;
}

function mfaUsed(record: JsonObject, isConsoleLogin: boolean, identity: JsonObject | null): boolean | null {
  if (isConsoleLogin) {
    // Sign-in records say it in additionalEventData; the session attributes describe the *old*
    // session, if any.
    const used = obj(record.additionalEventData)?.MFAUsed;
    if (used === 'Yes') return true;
    if (used === 'No') return false;
  }
  return bool(obj(obj(identity?.sessionContext)?.attributes)?.mfaAuthenticated);
}

export function normalizeRecord(raw: unknown, ctx: NormalizeContext = {}): NormalizeResult {
  const validated = validateRecord(unwrapRecord(raw));
  if (!validated.ok) return validated;
  const { record, eventTime, eventTimeSource } = validated;

  const identity = obj(record.userIdentity);
  const eventType = str(record.eventType);
  const isInsight = eventType === 'AwsCloudTrailInsight';
  const insight = isInsight ? obj(record.insightDetails) : null;

  // Insights have no top-level eventSource/eventName; the API they describe is in insightDetails.
  const eventSource = insight ? str(insight.eventSource) : str(record.eventSource);
  const eventNameRaw = insight ? str(insight.eventName) : str(record.eventName);
  const eventName = eventNameRaw === null ? null : normalizeEventName(eventNameRaw);
  const readOnly = bool(record.readOnly);
  const managementEvent = bool(record.managementEvent);
  const eventCategory =
    str(record.eventCategory) ??
    (isInsight
      ? 'Insight'
      : eventType === 'AwsVpceEvent'
        ? 'NetworkActivity'
        : // Pre-1.07 records lack eventCategory; managementEvent=false is a data event.
          managementEvent === false
          ? 'Data'
          : 'Management');

  // An insight's errorCode (in insightDetails) names the API error whose rate changed; the insight
  // record itself did not fail.
  const errorCode = isInsight ? null : str(record.errorCode);
  const errorMessage = isInsight ? null : str(record.errorMessage);
  const isConsoleLogin = eventNameRaw === 'ConsoleLogin';
  const consoleLoginOutcome = isConsoleLogin ? loginOutcome(record, errorCode) : null;

  const sourceIpRaw = str(record.sourceIPAddress);
  const ip = sourceIpRaw === null ? null : classifyIp(sourceIpRaw);
  const userAgent = str(record.userAgent);
  const ua = classifyUserAgent(userAgent);
  const principal = derivePrincipal(record);

  const isConsole =
    bool(record.sessionCredentialFromConsole) === true ||
    isConsoleLogin ||
    eventType === 'AwsConsoleSignIn' ||
    eventType === 'AwsConsoleAction' ||
    ua.family === 'console';

  const state = str(insight?.state);
  const addendum = obj(record.addendum);

  return {
    ok: true,
    event: {
      eventId: record.eventID,
      eventTime,
      eventTimeSource,
      eventVersion: str(record.eventVersion),
      recipientAccountId: recipientAccount(record, identity, ctx.sourceFile),
      awsRegion: str(record.awsRegion),
      eventSource,
      service: eventSource === null ? null : serviceFromEventSource(eventSource),
      eventName,
      eventNameRaw,
      eventType,
      eventCategory,
      readOnly,
      managementEvent,

      errorCode,
      errorMessage,
      isError: errorCode !== null || consoleLoginOutcome === 'Failure',
      isAccessDenied: isAccessDeniedCode(errorCode),

      principalKey: principal.key,
      principalType: principal.type,
      principalName: principal.name,
      principalArn: principal.arn,
      principalAccountId: principal.accountId,
      baseRoleArn: principal.baseRoleArn,
      sessionName: principal.sessionName,
      roleSessionKind: principal.roleSessionKind,
      accessKeyId: str(identity?.accessKeyId),
      sessionIssuerArn: str(obj(obj(identity?.sessionContext)?.sessionIssuer)?.arn),
      mfaAuthenticated: mfaUsed(record, isConsoleLogin, identity),
      isConsole,

      sourceIp: ip?.ip ?? null,
      sourceIpRaw,
      ipKind: ip?.kind ?? null,
      userAgent,
      userAgentFamily: ua.family,
      userAgentDetail: ua.detail,
      invokedBy: str(identity?.invokedBy),

      sharedEventId: str(record.sharedEventID),
      requestId: str(record.requestID),
      vpcEndpointId: str(record.vpcEndpointId),
      consoleLoginOutcome,

      insightState: state === 'Start' || state === 'End' ? (state as InsightState) : null,
      insightType: str(insight?.insightType),

      addendumReason: str(addendum?.reason),
      addendumOriginalEventId: str(addendum?.originalEventID),
      addendumOriginalRequestId: str(addendum?.originalRequestID),
      addendumUpdatedFields: str(addendum?.updatedFields),

      sourceFile: ctx.sourceFile ?? null,
      raw: record,
    },
  };
}
