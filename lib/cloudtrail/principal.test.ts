import { describe, expect, test } from 'vitest';
import { loadOtrf, loadStratus } from '../../tests/fixtures/cloudtrail/datasets';
import {
  ACCOUNT,
  consoleLogin,
  identities,
  makeRecord,
  OTHER_ACCOUNT,
} from '../../tests/fixtures/cloudtrail/records';
import { derivePrincipal, HIDDEN_USER_NAME } from './principal';

const principalOf = (userIdentity: unknown, overrides: Record<string, unknown> = {}) =>
  derivePrincipal(makeRecord({ userIdentity, ...overrides }));

describe('derivePrincipal by identity type', () => {
  test('Root keys on the account and shows the alias', () => {
    expect(principalOf(identities.root())).toEqual({
      key: `root:${ACCOUNT}`,
      type: 'Root',
      name: 'root (acme-prod)',
      arn: `arn:aws:iam::${ACCOUNT}:root`,
      accountId: ACCOUNT,
      baseRoleArn: null,
      sessionName: null,
      roleSessionKind: null,
    });
  });

  test('Root without accountId takes it from the ARN', () => {
    const { accountId, ...rest } = identities.root();
    expect(accountId).toBe(ACCOUNT);
    expect(principalOf(rest).key).toBe(`root:${ACCOUNT}`);
  });

  test('IAMUser keys on the user ARN, path included', () => {
    expect(principalOf(identities.iamUser())).toMatchObject({
      key: `iam-user:arn:aws:iam::${ACCOUNT}:user/ops/dana`,
      type: 'IAMUser',
      name: 'dana',
      accountId: ACCOUNT,
    });
    // The console session of the same user is the same principal.
    expect(principalOf(identities.iamUserConsole()).key).toBe(principalOf(identities.iamUser()).key);
  });

  test('IAMUser without an ARN falls back to account and user name', () => {
    const { arn, ...rest } = identities.iamUser();
    expect(arn).toBeTruthy();
    expect(principalOf(rest).key).toBe(`iam-user:${ACCOUNT}:dana`);
  });

  test('AssumedRole keys on base role ARN plus session name', () => {
    expect(principalOf(identities.assumedRole())).toEqual({
      key: `role-session:arn:aws:iam::${ACCOUNT}:role/teams/Admin/dana-session`,
      type: 'AssumedRole',
      name: 'Admin/dana-session',
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Admin/dana-session`,
      accountId: ACCOUNT,
      baseRoleArn: `arn:aws:iam::${ACCOUNT}:role/teams/Admin`,
      sessionName: 'dana-session',
      roleSessionKind: 'other',
    });
  });

  test('two sessions of one role are two principals sharing a base role', () => {
    const a = principalOf(identities.assumedRole('alice'));
    const b = principalOf(identities.assumedRole('bob'));
    expect(a.key).not.toBe(b.key);
    expect(a.baseRoleArn).toBe(b.baseRoleArn);
  });

  test('AssumedRole without sessionContext rebuilds the base role ARN from the session ARN', () => {
    const { sessionContext, ...rest } = identities.assumedRole();
    expect(sessionContext).toBeTruthy();
    expect(principalOf(rest)).toMatchObject({
      key: `role-session:arn:aws:iam::${ACCOUNT}:role/Admin/dana-session`,
      baseRoleArn: `arn:aws:iam::${ACCOUNT}:role/Admin`,
      sessionName: 'dana-session',
    });
  });

  test('AssumedRole in another partition keeps the partition', () => {
    const identity = {
      type: 'AssumedRole',
      arn: 'arn:aws-us-gov:sts::123456789012:assumed-role/Ops/jo',
      principalId: 'AROAEXAMPLE:jo',
      accountId: '123456789012',
    };
    expect(principalOf(identity).baseRoleArn).toBe('arn:aws-us-gov:iam::123456789012:role/Ops');
  });

  test('SSO sessions are recognised and named after the person and permission set', () => {
    expect(principalOf(identities.ssoSession())).toMatchObject({
      key: expect.stringMatching(
        /^role-session:arn:aws:iam::111122223333:role\/aws-reserved\/.+\/dana@example\.com$/,
      ),
      name: 'dana@example.com (AdministratorAccess)',
      sessionName: 'dana@example.com',
      roleSessionKind: 'sso',
    });
  });

  test('EC2 instance credentials are recognised', () => {
    expect(principalOf(identities.ec2Session())).toMatchObject({
      key: `role-session:arn:aws:iam::${ACCOUNT}:role/web-server/i-0123456789abcdef0`,
      name: 'web-server on i-0123456789abcdef0',
      roleSessionKind: 'ec2-instance',
    });
  });

  test('FederatedUser keys on the federated-user ARN', () => {
    expect(principalOf(identities.federatedUser())).toMatchObject({
      key: `federated-user:arn:aws:sts::${ACCOUNT}:federated-user/build-bot`,
      type: 'FederatedUser',
      name: 'build-bot',
      accountId: ACCOUNT,
    });
  });

  test('AWSService keys on invokedBy', () => {
    expect(principalOf(identities.awsService())).toMatchObject({
      key: 'service:cloudtrail.amazonaws.com',
      type: 'AWSService',
      name: 'cloudtrail.amazonaws.com',
      accountId: null,
    });
  });

  test('AWSAccount keeps the external account and principal id', () => {
    expect(principalOf(identities.awsAccount())).toMatchObject({
      key: `account:${OTHER_ACCOUNT}:AIDAEXTERNALUSER0001`,
      type: 'AWSAccount',
      accountId: OTHER_ACCOUNT,
    });
  });

  test('anonymous callers share one key, whatever type they are reported as', () => {
    expect(principalOf(identities.anonymous())).toMatchObject({ key: 'anonymous', type: 'AWSAccount' });
    expect(principalOf({ type: 'Unknown', accountId: 'anonymous' })).toMatchObject({
      key: 'anonymous',
      type: 'Unknown',
    });
  });

  test('SAMLUser and WebIdentityUser key on principalId', () => {
    expect(principalOf(identities.samlUser())).toMatchObject({
      key: 'saml-user:SampleUkh1i4+ExamplexL/jEvs=:SamlExample',
      type: 'SAMLUser',
      name: 'SamlExample',
    });
    expect(principalOf(identities.webIdentityUser())).toMatchObject({
      key: 'web-identity-user:accounts.google.com:application-id.apps.googleusercontent.com:100000000000000000000',
      type: 'WebIdentityUser',
    });
  });

  test('IdentityCenterUser keys on identity store and user id', () => {
    expect(principalOf(identities.identityCenterUser())).toMatchObject({
      key: `identity-center-user:arn:aws:identitystore::${ACCOUNT}:identitystore/d-1234567890/544894e8-80c1-707f-60e3-3ba6510dfac1`,
      type: 'IdentityCenterUser',
      name: '544894e8-80c1-707f-60e3-3ba6510dfac1',
      accountId: ACCOUNT,
    });
  });

  test('Unknown, Directory and Role', () => {
    expect(principalOf(identities.unknown())).toMatchObject({
      key: `unknown:${ACCOUNT}:dana@example.com`,
      type: 'Unknown',
      arn: null,
    });
    expect(principalOf({ type: 'Unknown' })).toMatchObject({
      key: 'unknown:unknown',
      name: 'Unknown identity',
    });
    expect(principalOf(identities.directory())).toMatchObject({
      key: `directory:${ACCOUNT}:corp\\dana`,
      type: 'Directory',
    });
    expect(principalOf(identities.role())).toMatchObject({
      key: `role:arn:aws:iam::${ACCOUNT}:role/service-role/backup`,
      type: 'Role',
      baseRoleArn: `arn:aws:iam::${ACCOUNT}:role/service-role/backup`,
    });
  });

  test('a type this code does not know yet is kept in the key', () => {
    expect(principalOf({ type: 'QuantumUser', principalId: 'Q1', accountId: ACCOUNT })).toMatchObject({
      key: 'other:QuantumUser:Q1',
      type: 'Other',
    });
  });

  test('identity with only invokedBy (AwsServiceEvent) is the service', () => {
    expect(principalOf({ accountId: ACCOUNT, invokedBy: 'AWS Internal' })).toMatchObject({
      key: 'service:AWS Internal',
      type: 'AWSService',
    });
  });
});

describe('derivePrincipal without userIdentity', () => {
  test('insights, service events and the rest', () => {
    expect(derivePrincipal({ eventType: 'AwsCloudTrailInsight' })).toMatchObject({
      key: 'insight',
      type: 'None',
    });
    expect(
      derivePrincipal({ eventType: 'AwsServiceEvent', eventSource: 'kms.amazonaws.com', userIdentity: {} }),
    ).toMatchObject({ key: 'service:kms.amazonaws.com', type: 'AWSService' });
    expect(derivePrincipal({ eventSource: 's3.amazonaws.com', userIdentity: null })).toMatchObject({
      key: 'none:s3.amazonaws.com',
      type: 'None',
    });
  });

  test('oversized keys are bounded but stay distinct', () => {
    const long = (name: string) =>
      principalOf({
        ...identities.iamUser(),
        arn: `arn:aws:iam::${ACCOUNT}:user/${'p/'.repeat(800)}${name}`,
      });
    const a = long('alice');
    const b = long('bob');
    expect(a.key.length).toBe(1024);
    expect(a.key).not.toBe(b.key);
    expect(principalOf(identities.iamUser()).key.length).toBeLessThan(100);
  });

  test('wrong-typed identities do not throw', () => {
    for (const userIdentity of [
      42,
      'Root',
      [],
      true,
      { type: 7 },
      { type: 'AssumedRole', sessionContext: 'x' },
    ]) {
      expect(() => principalOf(userIdentity)).not.toThrow();
    }
  });
});

describe('HIDDEN_DUE_TO_SECURITY_REASONS', () => {
  test('failed sign-ins are keyed per account and source IP, never merged with real users', () => {
    const fromA = derivePrincipal(consoleLogin('Failure', { sourceIPAddress: '203.0.113.10' }));
    const fromB = derivePrincipal(consoleLogin('Failure', { sourceIPAddress: '198.51.100.99' }));
    const fromA2 = derivePrincipal(consoleLogin('Failure', { sourceIPAddress: '203.0.113.10' }));
    expect(fromA).toMatchObject({
      key: `hidden-user:${ACCOUNT}:203.0.113.10`,
      type: 'IAMUser',
      name: 'hidden user name from 203.0.113.10',
      arn: null,
    });
    expect(fromB.key).not.toBe(fromA.key);
    expect(fromA2.key).toBe(fromA.key);
    expect(fromA.key.startsWith('iam-user:')).toBe(false);
    expect(HIDDEN_USER_NAME).toBe('HIDDEN_DUE_TO_SECURITY_REASONS');
  });

  test('the IP in the key is normalised so re-spellings group together', () => {
    const padded = derivePrincipal(consoleLogin('Failure', { sourceIPAddress: '075.050.255.67' }));
    expect(padded.key).toBe(`hidden-user:${ACCOUNT}:75.50.255.67`);
  });
});

describe('derivePrincipal on real datasets', () => {
  const all = [...loadStratus(), ...loadOtrf()];

  test('every record gets a non-empty key and a known type', () => {
    for (const { origin, record } of all) {
      const principal = derivePrincipal(record);
      expect(principal.key.length, origin).toBeGreaterThan(3);
      expect(principal.type, origin).not.toBe('Other');
      expect(principal.type, origin).not.toBe('None');
    }
  });

  test('OTRF: the stolen instance-profile session is one EC2 principal', () => {
    const keys = new Set(
      loadOtrf()
        .filter(({ record }) => (record.userIdentity as { type: string }).type === 'AssumedRole')
        .map(({ record }) => derivePrincipal(record)),
    );
    const distinct = new Map([...keys].map((p) => [p.key, p]));
    expect(distinct.size).toBe(1);
    const [principal] = distinct.values();
    expect(principal).toMatchObject({
      key: 'role-session:arn:aws:iam::123456789123:role/MordorNginxStack-BankingWAFRole-9S3E0UAE1MM0/i-0317f6c6b66ae9c40',
      roleSessionKind: 'ec2-instance',
      sessionName: 'i-0317f6c6b66ae9c40',
    });
  });

  test('Stratus: the anonymised SSO ARN (no session segment) still yields the session from principalId', () => {
    const sso = loadStratus().find(({ record }) =>
      String((record.userIdentity as { arn?: string }).arn).includes('AWSReservedSSOrandom'),
    );
    expect(sso).toBeDefined();
    expect(derivePrincipal(sso?.record ?? {})).toMatchObject({
      sessionName: 'randomca0L529zwNAY@gmail.com',
      roleSessionKind: 'sso',
      baseRoleArn:
        'arn:aws:iam::844015365555:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_account-admin_599c9e90e350d2ff',
    });
  });

  test('Stratus: federation token and mixed-case instance id', () => {
    const types = new Map(all.map(({ record }) => [derivePrincipal(record).type, derivePrincipal(record)]));
    expect(types.get('FederatedUser')?.key).toBe(
      'federated-user:arn:aws:sts::742491224508:federated-user/stratus_red_team',
    );
    const stolen = all
      .map(({ record }) => derivePrincipal(record))
      .find((p) => p.sessionName === 'i-786a3A8B5C0d92eF4');
    expect(stolen?.roleSessionKind).toBe('ec2-instance');
  });
});
