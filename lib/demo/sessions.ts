// Helpers for automation that runs on AWS compute: the service-issued
// credentials of its host, and the Caller of a role session.

import type { GenContext } from './actor';
import { assumedRoleIdentity, awsServiceIdentity } from './identity';
import { type AccountKind, roleOf } from './org';
import type { Caller } from './record';
import { assumeRole, type IssuedSession } from './sts';

export function sessionCaller(
  base: Caller,
  role: { accountId: string; name: string },
  name: string,
  identity: Caller['identity'],
): Caller {
  return {
    ...base,
    identity,
    accountId: role.accountId,
    arn: `arn:aws:sts::${role.accountId}:assumed-role/${role.name}/${name}`,
  };
}

/** Session-issuing helper for EC2/ECS-hosted automation in the management or security account. */
export function hostSession(
  g: GenContext,
  kind: AccountKind,
  roleName: string,
  principal: string,
  name: string,
  t: number,
  ip: string,
  userAgent: string,
): [Caller, IssuedSession] {
  const role = roleOf(g.org, kind, roleName);
  const service: Caller = {
    identity: awsServiceIdentity(principal),
    accountId: role.accountId,
    arn: principal,
    ip: principal,
    userAgent: principal,
    style: 'service',
  };
  const issued = assumeRole(g.rng, { time: t, caller: service, role, sessionName: name, viaService: true });
  const identity = assumedRoleIdentity(role, name, issued.accessKeyId, issued.creationDate, {
    ec2RoleDelivery: principal === 'ec2.amazonaws.com' ? '2.0' : undefined,
  });
  const base: Caller = { identity, accountId: role.accountId, arn: '', ip, userAgent, style: 'sdk' };
  return [sessionCaller(base, role, name, identity), issued];
}
