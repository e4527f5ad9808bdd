// Assembles CloudTrail records with the field order, versions and TLS/error
// details that real trails have. Key order matters only to humans reading raw
// JSON, but the raw JSON view is part of the product, so it should look real.

import type { Identity } from './identity';
import type { Prng } from './prng';
import { isoSeconds } from './time';

export type CloudTrailRecord = Record<string, unknown>;

/** One record plus the routing the writer needs (log owner account and region). */
export interface DemoEvent {
  time: number;
  account: string;
  region: string;
  record: CloudTrailRecord;
}

/** How a caller reaches AWS; decides TLS details and console markers. */
export type CallStyle = 'sdk' | 'legacy-sdk' | 'console' | 'service' | 'internal';

export interface Caller {
  identity: Identity;
  /** The account that owns the credentials; the default log owner. */
  accountId: string;
  /** The principal ARN quoted in AccessDenied messages. */
  arn: string;
  ip: string;
  userAgent: string;
  style: CallStyle;
  vpcEndpointId?: string;
}

export interface EventSpec {
  time: number;
  caller: Caller;
  /** eventSource without `.amazonaws.com`, e.g. `ec2`. */
  service: string;
  name: string;
  region: string;
  readOnly: boolean | undefined;
  params?: unknown;
  response?: unknown;
  error?: { code: string; message: string };
  /** ConsoleLogin failures: an errorMessage, no errorCode, and the response kept. */
  failureMessage?: string;
  additionalEventData?: Record<string, unknown>;
  resources?: Record<string, unknown>[];
  eventType?: string;
  apiVersion?: string;
  category?: 'Management' | 'Data';
  recipientAccountId?: string;
  sharedEventID?: string;
  serviceEventDetails?: Record<string, unknown>;
  requestID?: string | null;
  tlsHost?: string;
  eventID?: string;
}

const VERSIONS: Record<string, string> = {
  sts: '1.08',
  signin: '1.09',
  s3: '1.10',
  cloudtrail: '1.10',
  kms: '1.10',
  logs: '1.10',
  sso: '1.11',
  'access-analyzer': '1.11',
  identitystore: '1.11',
};

const GLOBAL_HOSTS: Record<string, string> = {
  iam: 'iam.amazonaws.com',
  signin: 'signin.aws.amazon.com',
};

export function defaultTlsHost(service: string, region: string): string {
  const global = GLOBAL_HOSTS[service];
  if (global) return global;
  if (service === 'ecr') return `api.ecr.${region}.amazonaws.com`;
  if (service === 'sso') return `portal.sso.${region}.amazonaws.com`;
  return `${service}.${region}.amazonaws.com`;
}

function tlsDetails(style: CallStyle, host: string, rng: Prng): Record<string, string> | undefined {
  if (style === 'service' || style === 'internal') return undefined;
  // Console traffic goes through an AWS proxy about half the time, and then
  // CloudTrail has no client TLS details to report.
  if (style === 'console' && rng.chance(0.5)) return undefined;
  if (style === 'legacy-sdk') {
    return {
      tlsVersion: 'TLSv1.2',
      cipherSuite: 'ECDHE-RSA-AES128-GCM-SHA256',
      clientProvidedHostHeader: host,
    };
  }
  return { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: host };
}

export function buildEvent(rng: Prng, spec: EventSpec): DemoEvent {
  const { caller } = spec;
  const category = spec.category ?? 'Management';
  const recipient = spec.recipientAccountId ?? caller.accountId;
  const r: CloudTrailRecord = {
    eventVersion: VERSIONS[spec.service] ?? '1.09',
    userIdentity: caller.identity,
    eventTime: isoSeconds(spec.time),
    eventSource: `${spec.service}.amazonaws.com`,
    eventName: spec.name,
    awsRegion: spec.region,
    sourceIPAddress: caller.ip,
    userAgent: caller.userAgent,
  };
  if (spec.error) {
    r.errorCode = spec.error.code;
    r.errorMessage = spec.error.message;
  } else if (spec.failureMessage) {
    r.errorMessage = spec.failureMessage;
  }
  r.requestParameters = spec.params ?? null;
  r.responseElements = spec.error ? null : (spec.response ?? null);
  if (spec.additionalEventData) r.additionalEventData = spec.additionalEventData;
  if (spec.requestID !== null) {
    r.requestID = spec.requestID ?? (spec.service === 's3' ? rng.s3RequestId() : rng.uuid());
  }
  r.eventID = spec.eventID ?? rng.uuid();
  if (spec.readOnly !== undefined) r.readOnly = spec.readOnly;
  if (spec.resources) r.resources = spec.resources;
  r.eventType = spec.eventType ?? 'AwsApiCall';
  if (spec.apiVersion) r.apiVersion = spec.apiVersion;
  r.managementEvent = category === 'Management';
  r.recipientAccountId = recipient;
  if (spec.sharedEventID) r.sharedEventID = spec.sharedEventID;
  if (caller.vpcEndpointId) {
    r.vpcEndpointId = caller.vpcEndpointId;
    r.vpcEndpointAccountId = recipient;
  }
  if (spec.serviceEventDetails) r.serviceEventDetails = spec.serviceEventDetails;
  r.eventCategory = category;
  const tls = tlsDetails(caller.style, spec.tlsHost ?? defaultTlsHost(spec.service, spec.region), rng);
  if (tls) r.tlsDetails = tls;
  if (caller.style === 'console') r.sessionCredentialFromConsole = 'true';
  return { time: spec.time, account: recipient, region: spec.region, record: r };
}

const QUERY_PROTOCOL = new Set([
  'iam',
  'sts',
  'cloudformation',
  'elasticloadbalancing',
  'autoscaling',
  'rds',
]);
const IAM_ACTION: Record<string, string> = {
  's3:ListBuckets': 's3:ListAllMyBuckets',
  'iam:GetAccountAuthorizationDetails': 'iam:GetAccountAuthorizationDetails',
};

/** The AccessDenied each service family really returns. */
export function accessDenied(
  rng: Prng,
  service: string,
  name: string,
  arn: string,
  resource = '*',
): { code: string; message: string } {
  const action = IAM_ACTION[`${service}:${name}`] ?? `${service}:${name.replace(/\d{8}(v\d+)?$/, '')}`;
  const because = `because no identity-based policy allows the ${action} action`;
  if (service === 'ec2') {
    return {
      code: 'Client.UnauthorizedOperation',
      message: `You are not authorized to perform this operation. User: ${arn} is not authorized to perform: ${action} ${because}. Encoded authorization failure message: ${rng.base64(180).replace(/[+/]/g, '-')}`,
    };
  }
  if (service === 's3') return { code: 'AccessDenied', message: 'Access Denied' };
  if (service === 'organizations') {
    return { code: 'AccessDeniedException', message: "You don't have permissions to access this resource." };
  }
  const code = QUERY_PROTOCOL.has(service) ? 'AccessDenied' : 'AccessDeniedException';
  return {
    code,
    message: `User: ${arn} is not authorized to perform: ${action} on resource: ${resource} ${because}`,
  };
}

export function throttled(service: string): { code: string; message: string } {
  if (service === 'ec2') return { code: 'Client.RequestLimitExceeded', message: 'Request limit exceeded.' };
  if (service === 'iam') return { code: 'Throttling', message: 'Rate exceeded' };
  return { code: 'ThrottlingException', message: 'Rate exceeded' };
}
