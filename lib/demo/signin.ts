// Console and IAM Identity Center sign-in records. ConsoleLogin has no
// requestID, reports its outcome in responseElements, and records MFA use as
// the strings "Yes"/"No" in additionalEventData.

import { type Identity, identityCenterIdentity } from './identity';
import type { Prng } from './prng';
import { buildEvent, type Caller, type DemoEvent } from './record';

export interface ConsoleLoginCall {
  time: number;
  identity: Identity;
  accountId: string;
  arn: string;
  ip: string;
  userAgent: string;
  mfa: boolean;
  mfaSerial?: string;
  /** Federated (IAM Identity Center) sign-ins name the SAML provider; MFA happened at the IdP. */
  samlProviderArn?: string;
  failed?: boolean;
}

export function consoleLogin(rng: Prng, call: ConsoleLoginCall): DemoEvent {
  const caller: Caller = {
    identity: call.identity,
    accountId: call.accountId,
    arn: call.arn,
    ip: call.ip,
    userAgent: call.userAgent,
    style: 'sdk',
  };
  const region = 'us-east-1';
  const additional: Record<string, unknown> = {
    LoginTo: `https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true&state=hashArgsFromTB_${region}_${rng.hex(16)}`,
    MobileVersion: 'No',
  };
  if (call.mfa && call.mfaSerial) additional.MFAIdentifier = call.mfaSerial;
  additional.MFAUsed = call.mfa ? 'Yes' : 'No';
  if (call.samlProviderArn) additional.SamlProviderArn = call.samlProviderArn;
  return buildEvent(rng, {
    time: call.time,
    caller,
    service: 'signin',
    name: 'ConsoleLogin',
    region,
    readOnly: false,
    params: null,
    response: { ConsoleLogin: call.failed ? 'Failure' : 'Success' },
    failureMessage: call.failed ? 'Failed authentication' : undefined,
    additionalEventData: additional,
    eventType: 'AwsConsoleSignIn',
    requestID: null,
    tlsHost: 'signin.aws.amazon.com',
  });
}

export interface PortalSignIn {
  time: number;
  accountId: string;
  userId: string;
  identityStoreArn: string;
  ip: string;
  userAgent: string;
}

/** The three Identity Center records of a password + TOTP sign-in to the access portal. */
export function portalSignIn(rng: Prng, call: PortalSignIn): DemoEvent[] {
  const workflow = rng.uuid();
  const caller: Caller = {
    identity: identityCenterIdentity(call.accountId, call.userId, call.identityStoreArn),
    accountId: call.accountId,
    arn: call.identityStoreArn,
    ip: call.ip,
    userAgent: call.userAgent,
    style: 'sdk',
  };
  const storeId = call.identityStoreArn.slice(call.identityStoreArn.lastIndexOf('/') + 1);
  const steps: [string, Record<string, unknown>][] = [
    ['CredentialChallenge', { AuthWorkflowID: workflow, CredentialType: 'PASSWORD' }],
    ['CredentialVerification', { AuthWorkflowID: workflow, CredentialType: 'PASSWORD' }],
    [
      'UserAuthentication',
      {
        AuthWorkflowID: workflow,
        LoginTo: `https://${storeId}.awsapps.com/start/`,
        CredentialType: 'PASSWORD,TOTP',
      },
    ],
  ];
  return steps.map(([name, data], i) =>
    buildEvent(rng, {
      time: call.time + i * 4000,
      caller,
      service: 'signin',
      name,
      region: 'us-east-1',
      readOnly: false,
      params: null,
      additionalEventData: data,
      eventType: 'AwsServiceEvent',
      serviceEventDetails: { [name]: 'Success' },
      tlsHost: 'us-east-1.signin.aws',
    }),
  );
}

/** The portal handing out role credentials (CLI) or a console federation. */
export function portalRoleAccess(
  rng: Prng,
  call: PortalSignIn & { roleName: string; targetAccountId: string; console: boolean },
): DemoEvent {
  const caller: Caller = {
    identity: identityCenterIdentity(call.accountId, call.userId, call.identityStoreArn, rng.alnum(24)),
    accountId: call.accountId,
    arn: call.identityStoreArn,
    ip: call.ip,
    userAgent: call.userAgent,
    style: 'sdk',
  };
  return buildEvent(rng, {
    time: call.time,
    caller,
    service: 'sso',
    name: call.console ? 'Federate' : 'GetRoleCredentials',
    region: 'us-east-1',
    readOnly: true,
    params: { roleName: call.roleName, accountId: call.targetAccountId },
  });
}
