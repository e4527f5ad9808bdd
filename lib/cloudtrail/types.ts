// Shared types for the CloudTrail normalisation core. NormalizedEvent is the contract between
// lib/cloudtrail (pure), lib/ingest (COPY into Postgres) and lib/detections (rules). Every field is
// present on every event (null rather than undefined) so a row mapper never has to guess.

import type { IpKind } from './ip';
import type { PrincipalType, RoleSessionKind } from './principal';
import type { EventTimeSource } from './record-schema';
import type { UserAgentFamily } from './user-agent';

export type ConsoleLoginOutcome = 'Success' | 'Failure';
export type InsightState = 'Start' | 'End';

export interface NormalizedEvent {
  eventId: string;
  eventTime: Date;
  // '@timestamp' only for Logstash exports that dropped eventTime (see normalize.ts).
  eventTimeSource: EventTimeSource;
  eventVersion: string | null;
  // The account whose trail holds the record (the log owner). See normalize.ts for the fallbacks.
  recipientAccountId: string;
  awsRegion: string | null;
  eventSource: string | null;
  service: string | null;
  eventName: string | null;
  eventNameRaw: string | null;
  eventType: string | null;
  eventCategory: string;
  // null means the record did not say; absent readOnly is not the same as a write.
  readOnly: boolean | null;
  managementEvent: boolean | null;

  errorCode: string | null;
  errorMessage: string | null;
  isError: boolean;
  isAccessDenied: boolean;

  principalKey: string;
  principalType: PrincipalType;
  principalName: string;
  principalArn: string | null;
  // The account that owns the credentials; differs from recipientAccountId for cross-account calls.
  principalAccountId: string | null;
  baseRoleArn: string | null;
  sessionName: string | null;
  roleSessionKind: RoleSessionKind | null;
  accessKeyId: string | null;
  sessionIssuerArn: string | null;
  mfaAuthenticated: boolean | null;
  isConsole: boolean;

  sourceIp: string | null;
  sourceIpRaw: string | null;
  // null when the record has no sourceIPAddress (insights).
  ipKind: IpKind | null;
  userAgent: string | null;
  userAgentFamily: UserAgentFamily;
  userAgentDetail: string | null;
  invokedBy: string | null;

  sharedEventId: string | null;
  requestId: string | null;
  vpcEndpointId: string | null;
  consoleLoginOutcome: ConsoleLoginOutcome | null;

  insightState: InsightState | null;
  insightType: string | null;

  addendumReason: string | null;
  addendumOriginalEventId: string | null;
  addendumOriginalRequestId: string | null;
  addendumUpdatedFields: string | null;

  sourceFile: string | null;
  // The record as CloudTrail wrote it (after unwrapping LookupEvents / EventBridge envelopes).
  // Same object reference, not a copy: ingest streams tens of millions of these.
  raw: Record<string, unknown>;
}

export type NormalizeResult = { ok: true; event: NormalizedEvent } | { ok: false; reason: string };

export interface NormalizeContext {
  // Object key or path of the file the record came from; used for the log-owner account fallback.
  sourceFile?: string;
}
