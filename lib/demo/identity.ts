// userIdentity shapes, copied field-for-field (and in the same key order) from
// real CloudTrail records, because parsers and principal-key logic key on them.

import type { DemoRole, DemoUser } from './org';

export type Identity = Record<string, unknown>;

export function iamUserIdentity(user: DemoUser, accessKeyId = user.accessKeyId): Identity {
  return {
    type: 'IAMUser',
    principalId: user.principalId,
    arn: user.arn,
    accountId: user.accountId,
    accessKeyId,
    userName: user.userName,
  };
}

/** An IAM user's console session: temporary ASIA key, MFA recorded as a string. */
export function iamUserConsoleIdentity(user: DemoUser, accessKeyId: string, creationDate: string): Identity {
  return {
    type: 'IAMUser',
    principalId: user.principalId,
    arn: user.arn,
    accountId: user.accountId,
    accessKeyId,
    userName: user.userName,
    sessionContext: {
      sessionIssuer: {},
      webIdFederationData: {},
      attributes: { creationDate, mfaAuthenticated: 'true' },
    },
  };
}

/** The bare identity of a sign-in event, which has no credentials yet. */
export function signInIdentity(user: DemoUser): Identity {
  return {
    type: 'IAMUser',
    principalId: user.principalId,
    arn: user.arn,
    accountId: user.accountId,
    userName: user.userName,
  };
}

export interface RoleSessionOptions {
  mfa?: boolean;
  sourceIdentity?: string;
  ec2RoleDelivery?: '1.0' | '2.0';
  webIdentityProvider?: string;
  invokedBy?: string;
}

export function assumedRoleIdentity(
  role: DemoRole,
  sessionName: string,
  accessKeyId: string,
  creationDate: string,
  opts: RoleSessionOptions = {},
): Identity {
  const sessionContext: Record<string, unknown> = {
    sessionIssuer: {
      type: 'Role',
      principalId: role.id,
      arn: role.arn,
      accountId: role.accountId,
      userName: role.name,
    },
    webIdFederationData: opts.webIdentityProvider
      ? { federatedProvider: opts.webIdentityProvider, attributes: {} }
      : {},
    attributes: { creationDate, mfaAuthenticated: opts.mfa ? 'true' : 'false' },
  };
  if (opts.sourceIdentity) sessionContext.sourceIdentity = opts.sourceIdentity;
  if (opts.ec2RoleDelivery) sessionContext.ec2RoleDelivery = opts.ec2RoleDelivery;
  const identity: Identity = {
    type: 'AssumedRole',
    principalId: `${role.id}:${sessionName}`,
    arn: assumedRoleArn(role, sessionName),
    accountId: role.accountId,
    accessKeyId,
    sessionContext,
  };
  if (opts.invokedBy) identity.invokedBy = opts.invokedBy;
  return identity;
}

export function assumedRoleArn(role: DemoRole, sessionName: string): string {
  return `arn:aws:sts::${role.accountId}:assumed-role/${role.name}/${sessionName}`;
}

export function rootIdentity(
  accountId: string,
  accessKeyId: string,
  creationDate?: string,
  mfa = false,
): Identity {
  const identity: Identity = {
    type: 'Root',
    principalId: accountId,
    arn: `arn:aws:iam::${accountId}:root`,
    accountId,
    accessKeyId,
  };
  if (creationDate) {
    identity.sessionContext = {
      sessionIssuer: {},
      webIdFederationData: {},
      attributes: { creationDate, mfaAuthenticated: mfa ? 'true' : 'false' },
    };
  }
  return identity;
}

export function awsServiceIdentity(service: string): Identity {
  return { type: 'AWSService', invokedBy: service };
}

/** AwsServiceEvent records carry almost nothing about who acted. */
export function serviceEventIdentity(accountId: string, service: string): Identity {
  return { accountId, invokedBy: service };
}

export function awsAccountIdentity(accountId: string, principalId: string): Identity {
  return { type: 'AWSAccount', principalId, accountId };
}

export function samlUserIdentity(providerHash: string, subject: string): Identity {
  return {
    type: 'SAMLUser',
    principalId: `${providerHash}:${subject}`,
    userName: subject,
    identityProvider: providerHash,
  };
}

export function webIdentityUserIdentity(provider: string, subject: string): Identity {
  return {
    type: 'WebIdentityUser',
    principalId: `${provider}:sts.amazonaws.com:${subject}`,
    userName: subject,
    identityProvider: provider,
  };
}

/** IAM Identity Center sign-in events since January 2025. */
export function identityCenterIdentity(
  accountId: string,
  userId: string,
  identityStoreArn: string,
  credentialId?: string,
): Identity {
  const identity: Identity = {
    type: 'IdentityCenterUser',
    accountId,
    onBehalfOf: { userId, identityStoreArn },
  };
  if (credentialId) identity.credentialId = credentialId;
  return identity;
}
