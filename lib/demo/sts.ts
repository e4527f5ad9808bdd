// Credential-issuing calls. Their responseElements carry the ASIA key id that
// every later call of the session is signed with: investigators pivot on
// exactly that link, so the demo must keep it consistent.

import { assumedRoleArn, awsAccountIdentity, samlUserIdentity, webIdentityUserIdentity } from './identity';
import type { DemoRole } from './org';
import type { Prng } from './prng';
import { buildEvent, type Caller, type DemoEvent } from './record';
import { isoSeconds, javaDate } from './time';

export interface IssuedSession {
  events: DemoEvent[];
  accessKeyId: string;
  creationDate: string;
  expires: number;
}

export function sessionToken(rng: Prng): string {
  return `IQoJb3JpZ2luX2Vj${rng.base64(rng.range(420, 620))}`;
}

function credentials(rng: Prng, expires: number, accessKeyId: string) {
  return { accessKeyId, sessionToken: sessionToken(rng), expiration: javaDate(expires, true) };
}

function roleResource(role: DemoRole) {
  return [{ accountId: role.accountId, type: 'AWS::IAM::Role', ARN: role.arn }];
}

export interface AssumeRoleCall {
  time: number;
  caller: Caller;
  role: DemoRole;
  sessionName: string;
  durationSeconds?: number;
  sourceIdentity?: string;
  externalId?: string;
  /** The caller's principal id, quoted by the role account's copy of a cross-account record. */
  callerPrincipalId?: string;
  /**
   * Service principals (ec2, lambda, ecs-tasks) assume roles with no TLS and a
   * sharedEventID; their Caller must use the role's account as accountId.
   */
  viaService?: boolean;
  region?: string;
}

export function assumeRole(rng: Prng, call: AssumeRoleCall): IssuedSession {
  const duration = call.durationSeconds ?? 3600;
  const expires = call.time + duration * 1000;
  const accessKeyId = rng.awsId('ASIA');
  const params: Record<string, unknown> = { roleArn: call.role.arn, roleSessionName: call.sessionName };
  if (call.durationSeconds !== undefined) params.durationSeconds = call.durationSeconds;
  if (call.externalId) params.externalId = call.externalId;
  if (call.sourceIdentity) params.sourceIdentity = call.sourceIdentity;
  const response: Record<string, unknown> = {
    credentials: credentials(rng, expires, accessKeyId),
    assumedRoleUser: {
      assumedRoleId: `${call.role.id}:${call.sessionName}`,
      arn: assumedRoleArn(call.role, call.sessionName),
    },
  };
  if (call.sourceIdentity) response.sourceIdentity = call.sourceIdentity;
  const region = call.region ?? 'us-east-1';
  const crossAccount = call.caller.accountId !== call.role.accountId;
  const shared = crossAccount || call.viaService ? rng.uuid() : undefined;
  const requestID = rng.uuid();
  const base = {
    time: call.time,
    service: 'sts',
    name: 'AssumeRole',
    region,
    readOnly: true,
    params,
    response,
    resources: roleResource(call.role),
    sharedEventID: shared,
    requestID,
    tlsHost: region === 'us-east-1' ? 'sts.amazonaws.com' : `sts.${region}.amazonaws.com`,
  };
  const events = [buildEvent(rng, { ...base, caller: call.caller })];
  if (crossAccount) {
    // The role owner's copy names the caller only by account and principal id.
    const remoteCaller: Caller = {
      ...call.caller,
      identity: awsAccountIdentity(call.caller.accountId, call.callerPrincipalId ?? 'AIDA'),
    };
    events.push(buildEvent(rng, { ...base, caller: remoteCaller, recipientAccountId: call.role.accountId }));
  }
  return { events, accessKeyId, creationDate: isoSeconds(call.time), expires };
}

export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';

export function assumeRoleWithWebIdentity(
  rng: Prng,
  time: number,
  role: DemoRole,
  subject: string,
  ip: string,
): IssuedSession {
  const expires = time + 3600_000;
  const accessKeyId = rng.awsId('ASIA');
  const provider = `arn:aws:iam::${role.accountId}:oidc-provider/${GITHUB_OIDC_HOST}`;
  const caller: Caller = {
    identity: webIdentityUserIdentity(provider, subject),
    accountId: role.accountId,
    arn: provider,
    ip,
    userAgent: 'configure-aws-credentials-for-github-actions',
    style: 'sdk',
  };
  const event = buildEvent(rng, {
    time,
    caller,
    service: 'sts',
    name: 'AssumeRoleWithWebIdentity',
    region: 'us-east-1',
    readOnly: true,
    params: { roleArn: role.arn, roleSessionName: 'GitHubActions', durationSeconds: 3600 },
    response: {
      credentials: credentials(rng, expires, accessKeyId),
      subjectFromWebIdentityToken: subject,
      assumedRoleUser: {
        assumedRoleId: `${role.id}:GitHubActions`,
        arn: assumedRoleArn(role, 'GitHubActions'),
      },
      provider,
      audience: 'sts.amazonaws.com',
    },
    resources: roleResource(role),
    tlsHost: 'sts.amazonaws.com',
  });
  return { events: [event], accessKeyId, creationDate: isoSeconds(time), expires };
}

export interface SamlCall {
  time: number;
  role: DemoRole;
  email: string;
  providerHash: string;
  ip: string;
  userAgent: string;
}

export function samlProviderArn(accountId: string, providerHash: string): string {
  return `arn:aws:iam::${accountId}:saml-provider/AWSSSO_${providerHash.slice(0, 16)}_DO_NOT_DELETE`;
}

export function assumeRoleWithSaml(rng: Prng, call: SamlCall): IssuedSession {
  const expires = call.time + 8 * 3600_000;
  const accessKeyId = rng.awsId('ASIA');
  const samlProvider = samlProviderArn(call.role.accountId, call.providerHash);
  const caller: Caller = {
    identity: samlUserIdentity(call.providerHash, call.email),
    accountId: call.role.accountId,
    arn: samlProvider,
    ip: call.ip,
    userAgent: call.userAgent,
    style: 'sdk',
  };
  const event = buildEvent(rng, {
    time: call.time,
    caller,
    service: 'sts',
    name: 'AssumeRoleWithSAML',
    region: 'us-east-1',
    readOnly: true,
    params: {
      sAMLAssertionID: `_${rng.uuid()}`,
      roleSessionName: call.email,
      roleArn: call.role.arn,
      principalArn: samlProvider,
      durationSeconds: 28800,
    },
    response: {
      credentials: credentials(rng, expires, accessKeyId),
      assumedRoleUser: {
        assumedRoleId: `${call.role.id}:${call.email}`,
        arn: assumedRoleArn(call.role, call.email),
      },
      subject: call.email,
      subjectType: 'persistent',
      issuer: `https://portal.sso.us-east-1.amazonaws.com/saml/assertion/${call.providerHash}`,
      audience: 'https://signin.aws.amazon.com/saml',
      nameQualifier: call.providerHash,
    },
    resources: [
      { accountId: call.role.accountId, type: 'AWS::IAM::Role', ARN: call.role.arn },
      { accountId: call.role.accountId, type: 'AWS::IAM::SAMLProvider', ARN: samlProvider },
    ],
    tlsHost: 'sts.amazonaws.com',
  });
  return { events: [event], accessKeyId, creationDate: isoSeconds(call.time), expires };
}
