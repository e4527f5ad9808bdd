// Derives the principal an event is attributed to: a stable key (what profiles, baselines and
// "first seen" rules group by) and display fields. Keys are human-readable and unique within the
// recipient account; most embed an ARN, which makes them globally unique.
//
// Key formats, by userIdentity.type:
//   Root                root:<accountId>
//   IAMUser             iam-user:<userArn>                     iam-user:arn:aws:iam::111:user/ops/dana
//                       iam-user:<accountId>:<userName>        only when the record has no arn
//     hidden name       hidden-user:<accountId>:<sourceIp>     see HIDDEN_USER_NAME below
//   AssumedRole         role-session:<baseRoleArn>/<session>   role-session:arn:aws:iam::111:role/Admin/dana
//   Role                role:<roleArn>
//   FederatedUser       federated-user:<federatedUserArn>
//   AWSService          service:<invokedBy>                    service:ec2.amazonaws.com
//   AWSAccount          account:<accountId>[:<principalId>]    a caller from another account
//   SAMLUser            saml-user:<principalId>                <identityProvider>:<userName>
//   WebIdentityUser     web-identity-user:<principalId>        <provider>:<app>:<subject>
//   IdentityCenterUser  identity-center-user:<identityStoreArn>/<userId>
//   Directory           directory:<accountId>:<userName|principalId>
//   Unknown             unknown:<accountId>:<userName|principalId>
//   (any) anonymous     anonymous                              accountId "anonymous" (S3, Cognito)
//   no userIdentity     insight                                CloudTrail Insights records
//                       service:<eventSource>                  AwsServiceEvent with no identity
//                       none:<eventSource>                     anything else without one
//   unrecognised type   other:<type>:<arn|principalId|accountId>
//
// AssumedRole keys on the role ARN *plus* the session name: one role is shared by many people and
// machines, and the session name is what tells them apart (flanksource#1502). The base role ARN
// (with its path) is returned separately so role-level views can group sessions back together.

import { accountIdOf, boundedKey, type JsonObject, obj, str } from './fields';
import { classifyIp } from './ip';

export type PrincipalType =
  | 'Root'
  | 'IAMUser'
  | 'AssumedRole'
  | 'Role'
  | 'FederatedUser'
  | 'AWSService'
  | 'AWSAccount'
  | 'SAMLUser'
  | 'WebIdentityUser'
  | 'IdentityCenterUser'
  | 'Directory'
  | 'Unknown'
  // No userIdentity at all (insights, some service events).
  | 'None'
  // A userIdentity.type this code does not know yet; the raw type is in the key.
  | 'Other';

// How a role session was obtained, when that is recognisable from the record.
export type RoleSessionKind = 'ec2-instance' | 'sso' | 'other';

export interface Principal {
  key: string;
  type: PrincipalType;
  name: string;
  arn: string | null;
  // The account that owns the credentials (not necessarily the recipient account).
  accountId: string | null;
  baseRoleArn: string | null;
  sessionName: string | null;
  roleSessionKind: RoleSessionKind | null;
}

// A failed console sign-in with a user name that does not exist records
// `userName: "HIDDEN_DUE_TO_SECURITY_REASONS"` (AWS hides it because it is often a password typed
// into the user-name field). Every such attempt would otherwise collapse into one bogus "user" per account, merging
// a password-spraying attacker with colleagues' typos. We cannot know who it was, but we know the
// name was *not* a real IAM user, so these never merge with a real principal: they key on account +
// source IP instead, which is also the grouping a brute-force rule wants.
export const HIDDEN_USER_NAME = 'HIDDEN_DUE_TO_SECURITY_REASONS';

// EC2 instance ids: i- plus 8 (legacy) or 17 hex digits. Case-insensitive because anonymisers (and
// the Stratus dataset) mix case.
const INSTANCE_ID_RE = /^i-(?:[0-9a-f]{8}|[0-9a-f]{17})$/i;
const SSO_ROLE_RE = /^AWSReservedSSO_(.+)_[0-9a-f]{16}$/;
const ACCOUNT_FROM_ARN_RE = /^arn:[\w-]+:[\w-]*:[\w-]*:(\d{12}):/;

function accountFromArn(arn: string | null): string | null {
  if (!arn) return null;
  return ACCOUNT_FROM_ARN_RE.exec(arn)?.[1] ?? null;
}

// "arn:aws:iam::1:user/ops/dana" with resourceType 'user' -> "ops/dana" (path included).
function arnResourceName(arn: string, resourceType: string): string | null {
  const marker = `:${resourceType}/`;
  const at = arn.indexOf(marker);
  return at === -1 ? null : arn.slice(at + marker.length) || null;
}

interface RoleSession {
  baseRoleArn: string | null;
  roleName: string | null;
  sessionName: string | null;
}

// arn:<partition>:sts::<acct>:assumed-role/<roleName>/<sessionName>. Role names cannot contain '/'
// and the role path is not in this ARN, so the issuer's ARN (which has the path) is preferred.
function parseRoleSession(identity: JsonObject): RoleSession {
  const arn = str(identity.arn);
  const issuer = obj(obj(identity.sessionContext)?.sessionIssuer);
  const issuerArn = str(issuer?.arn);
  const issuerIsRole = issuerArn !== null && (str(issuer?.type) ?? 'Role') === 'Role';

  let roleName: string | null = issuerIsRole ? str(issuer?.userName) : null;
  let sessionName: string | null = null;
  let baseRoleArn: string | null = issuerIsRole ? issuerArn : null;

  const rest = arn ? arnResourceName(arn, 'assumed-role') : null;
  if (rest) {
    const slash = rest.indexOf('/');
    if (slash > 0) {
      roleName ??= rest.slice(0, slash);
      sessionName = rest.slice(slash + 1) || null;
    }
    if (!baseRoleArn && arn && slash > 0) {
      const partition = arn.split(':', 2)[1] ?? 'aws';
      const account = accountFromArn(arn);
      if (account) baseRoleArn = `arn:${partition}:iam::${account}:role/${rest.slice(0, slash)}`;
    }
  }
  // principalId is "AROA...:<sessionName>"; session names cannot contain ':'.
  if (!sessionName) {
    const principalId = str(identity.principalId);
    const colon = principalId?.indexOf(':') ?? -1;
    if (principalId && colon > 0) sessionName = principalId.slice(colon + 1) || null;
  }
  if (!roleName && baseRoleArn) roleName = baseRoleArn.slice(baseRoleArn.lastIndexOf('/') + 1);
  return { baseRoleArn, roleName, sessionName };
}

function assumedRole(identity: JsonObject, accountId: string | null): Principal {
  const { baseRoleArn, roleName, sessionName } = parseRoleSession(identity);
  const arn = str(identity.arn);
  const sso = roleName ? SSO_ROLE_RE.exec(roleName) : null;
  const ec2 =
    (sessionName !== null && INSTANCE_ID_RE.test(sessionName)) ||
    str(obj(identity.sessionContext)?.ec2RoleDelivery) !== null;
  const kind: RoleSessionKind =
    sso || baseRoleArn?.includes('/aws-reserved/sso.amazonaws.com/') ? 'sso' : ec2 ? 'ec2-instance' : 'other';

  let name: string;
  if (kind === 'sso') name = `${sessionName ?? '?'} (${sso?.[1] ?? roleName ?? 'SSO'})`;
  else if (kind === 'ec2-instance') name = `${roleName ?? '?'} on ${sessionName ?? 'EC2'}`;
  else name = `${roleName ?? '?'}/${sessionName ?? '?'}`;

  const anchor = baseRoleArn ?? arn ?? str(identity.principalId) ?? 'unknown';
  const key = sessionName && baseRoleArn ? `role-session:${anchor}/${sessionName}` : `role-session:${anchor}`;
  return { key, type: 'AssumedRole', name, arn, accountId, baseRoleArn, sessionName, roleSessionKind: kind };
}

function base(
  type: PrincipalType,
  key: string,
  name: string,
  arn: string | null,
  accountId: string | null,
): Principal {
  return { key, type, name, arn, accountId, baseRoleArn: null, sessionName: null, roleSessionKind: null };
}

function withoutIdentity(record: JsonObject): Principal {
  const eventSource = str(record.eventSource);
  if (str(record.eventType) === 'AwsCloudTrailInsight')
    return base('None', 'insight', 'CloudTrail Insights', null, null);
  // A service event with no identity was emitted by the service itself.
  if (str(record.eventType) === 'AwsServiceEvent' && eventSource) {
    return base('AWSService', `service:${eventSource}`, eventSource, null, null);
  }
  return base('None', `none:${eventSource ?? 'unknown'}`, eventSource ?? 'no identity', null, null);
}

function derive(record: JsonObject): Principal {
  const identity = obj(record.userIdentity);
  const rawType = str(identity?.type);
  const invokedBy = str(identity?.invokedBy);
  if (!identity || (!rawType && !invokedBy && !str(identity.arn) && !str(identity.principalId))) {
    return withoutIdentity(record);
  }

  const arn = str(identity.arn);
  const principalId = str(identity.principalId);
  const userName = str(identity.userName);
  const rawAccount = accountIdOf(identity.accountId);
  const accountId =
    rawAccount ??
    accountFromArn(arn) ??
    accountIdOf(obj(obj(identity.sessionContext)?.sessionIssuer)?.accountId);
  const type = rawType ?? (invokedBy ? 'AWSService' : 'unknown-type');

  // Anonymous access (S3 public buckets, unauthenticated Cognito) is reported as AWSAccount or
  // Unknown with this pseudo account id.
  if (rawAccount === 'anonymous') {
    const known = type === 'AWSAccount' || type === 'Unknown' ? type : 'Unknown';
    return base(known, 'anonymous', 'anonymous', null, null);
  }

  switch (type) {
    case 'Root':
      return base(
        'Root',
        `root:${accountId ?? 'unknown'}`,
        userName ? `root (${userName})` : 'root',
        arn,
        accountId,
      );
    case 'IAMUser': {
      if (userName === HIDDEN_USER_NAME || arn?.endsWith(HIDDEN_USER_NAME)) {
        const sourceIp = str(record.sourceIPAddress);
        const ip = sourceIp ? (classifyIp(sourceIp).ip ?? sourceIp) : 'unknown-ip';
        return base(
          'IAMUser',
          `hidden-user:${accountId ?? 'unknown'}:${ip}`,
          `hidden user name from ${ip}`,
          null,
          accountId,
        );
      }
      const name =
        userName ?? (arn ? arnResourceName(arn, 'user')?.split('/').pop() : null) ?? principalId ?? '?';
      const key = arn
        ? `iam-user:${arn}`
        : `iam-user:${accountId ?? 'unknown'}:${userName ?? principalId ?? '?'}`;
      return base('IAMUser', key, name, arn, accountId);
    }
    case 'AssumedRole':
      return assumedRole(identity, accountId);
    case 'Role': {
      const principal = base(
        'Role',
        `role:${arn ?? principalId ?? 'unknown'}`,
        userName ?? arn ?? '?',
        arn,
        accountId,
      );
      return { ...principal, baseRoleArn: arn };
    }
    case 'FederatedUser': {
      const name =
        (arn ? arnResourceName(arn, 'federated-user') : null) ?? principalId?.split(':').pop() ?? '?';
      return base('FederatedUser', `federated-user:${arn ?? principalId ?? name}`, name, arn, accountId);
    }
    case 'AWSService': {
      const service = invokedBy ?? str(record.eventSource) ?? 'unknown';
      return base('AWSService', `service:${service}`, service, arn, accountId);
    }
    case 'AWSAccount': {
      const account = accountId ?? 'unknown';
      const key = principalId ? `account:${account}:${principalId}` : `account:${account}`;
      return base('AWSAccount', key, principalId ? `${account}/${principalId}` : account, arn, accountId);
    }
    case 'SAMLUser':
    case 'WebIdentityUser': {
      const provider = str(identity.identityProvider);
      const id = principalId ?? `${provider ?? 'unknown'}:${userName ?? '?'}`;
      const prefix = type === 'SAMLUser' ? 'saml-user' : 'web-identity-user';
      return base(type, `${prefix}:${id}`, userName ?? id, arn, accountId);
    }
    case 'IdentityCenterUser': {
      const onBehalfOf = obj(identity.onBehalfOf);
      const userId = str(onBehalfOf?.userId) ?? userName ?? principalId ?? 'unknown';
      const store = str(onBehalfOf?.identityStoreArn) ?? accountId ?? 'unknown';
      return base(
        'IdentityCenterUser',
        `identity-center-user:${store}/${userId}`,
        userName ?? userId,
        arn,
        accountId,
      );
    }
    case 'Directory':
    case 'Unknown': {
      const who = userName ?? principalId;
      const prefix = type === 'Directory' ? 'directory' : 'unknown';
      const key = `${prefix}:${accountId ?? 'unknown'}${who ? `:${who}` : ''}`;
      return base(type, key, who ?? `${type} identity`, arn, accountId);
    }
    default: {
      const key = `other:${type}:${arn ?? principalId ?? accountId ?? 'unknown'}`;
      return base('Other', key, userName ?? arn ?? principalId ?? type, arn, accountId);
    }
  }
}

export function derivePrincipal(record: JsonObject): Principal {
  const principal = derive(record);
  principal.key = boundedKey(principal.key);
  return principal;
}
