// IAM Identity Center users: a portal sign-in each morning, then SAML
// federation into whichever account and permission set the task needs, with a
// federated ConsoleLogin for console sessions.

import type { GenContext } from './actor';
import { PersonActor, REGION_MIX } from './actors-people';
import { perform } from './dispatch';
import { assumedRoleIdentity } from './identity';
import { ACCOUNTS, accountKindOf, type SsoPerson } from './org';
import { PERSON_OPS, WRITE_OPS } from './profiles';
import { consoleLogin, portalRoleAccess, portalSignIn } from './signin';
import { assumeRoleWithSaml, samlProviderArn } from './sts';

export class SsoHumanActor extends PersonActor {
  readonly id: string;

  constructor(
    private readonly sso: SsoPerson,
    consoleShare: number,
    seed: number,
  ) {
    super(sso, consoleShare, seed);
    this.id = `sso:${sso.handle}`;
  }

  protected act(g: GenContext, t: number): number {
    const st = this.day(g, t);
    const mgmt = ACCOUNTS.management.id;
    const signIn = {
      time: t - 40_000,
      accountId: mgmt,
      userId: this.sso.userId,
      identityStoreArn: g.org.identityStoreArn,
      ip: st.ip,
      userAgent: this.sso.browser,
    };
    let emitted = 0;
    if (!st.signedIn) {
      for (const ev of portalSignIn(g.rng, signIn)) g.emit(ev);
      st.signedIn = true;
      emitted += 3;
    }
    const grants = this.sso.grants;
    // One grant is the day's main one; the others are brief detours.
    const mainGrant = grants[st.grant % grants.length] ?? grants[0];
    const grant = g.rng.chance(0.85) ? mainGrant : g.rng.weighted(grants.map((x) => [x, x.weight] as const));
    if (!grant) return emitted;
    const console = g.rng.chance(this.consoleShare);
    const key = `${grant.role.name}|${console}`;
    let session = st.sessions.get(key);
    if (!session || session.expires < t) {
      const setName = grant.role.name.split('_')[1] ?? grant.role.name;
      g.emit(
        portalRoleAccess(g.rng, {
          ...signIn,
          time: t - 20_000,
          userAgent: console ? this.sso.browser : this.sso.cli,
          roleName: setName,
          targetAccountId: grant.role.accountId,
          console,
        }),
      );
      const issued = assumeRoleWithSaml(g.rng, {
        time: t - 18_000,
        role: grant.role,
        email: this.sso.email,
        providerHash: g.org.samlProviderHash,
        ip: st.ip,
        userAgent: console ? this.sso.browser : this.sso.cli,
      });
      for (const ev of issued.events) g.emit(ev);
      emitted += 1 + issued.events.length;
      const identity = assumedRoleIdentity(
        grant.role,
        this.sso.email,
        issued.accessKeyId,
        issued.creationDate,
      );
      if (console) {
        // The federated console sign-in: no access key yet, and MFAUsed "No"
        // because MFA was checked by the access portal, not by AWS sign-in.
        const { accessKeyId: _key, ...signInId } = identity;
        g.emit(
          consoleLogin(g.rng, {
            time: t - 12_000,
            identity: signInId,
            accountId: grant.role.accountId,
            arn: String(identity.arn),
            ip: st.ip,
            userAgent: this.sso.browser,
            mfa: false,
            samlProviderArn: samlProviderArn(grant.role.accountId, g.org.samlProviderHash),
          }),
        );
        emitted++;
      }
      session = {
        caller: {
          identity,
          accountId: grant.role.accountId,
          arn: `arn:aws:sts::${grant.role.accountId}:assumed-role/${grant.role.name}/${this.sso.email}`,
          ip: st.ip,
          userAgent: console ? this.sso.browser : this.sso.cli,
          style: console ? 'console' : 'sdk',
        },
        expires: issued.expires,
      };
      st.sessions.set(key, session);
    }
    const kind = accountKindOf(grant.role.accountId);
    const op = g.rng.weighted(PERSON_OPS[this.sso.profile]);
    const readOnlyRole = /ReadOnly|SecurityAudit/.test(grant.role.name);
    const deny = (readOnlyRole && WRITE_OPS.has(op)) || g.rng.chance(0.015);
    g.emit(perform(g, session.caller, op, g.rng.weighted(REGION_MIX[kind]), t, { deny }));
    return emitted + 1;
  }
}
