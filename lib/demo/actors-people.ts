// People who are IAM users: console sign-ins with MFA and long-term CLI keys,
// from a home network, in office hours of their own time zone. That is the
// baseline the anomaly features learn. (Identity Center users: actors-sso.ts.)

import { type Actor, burstTimes, dailyHash, type GenContext, workdayWeight } from './actor';
import { perform } from './dispatch';
import { hostIp } from './geo';
import { assumedRoleIdentity, iamUserConsoleIdentity, iamUserIdentity, signInIdentity } from './identity';
import { type AccountKind, type IamPerson, type Person, roleOf } from './org';
import { type OpMix, PERSON_OPS } from './profiles';
import type { Caller } from './record';
import { consoleLogin } from './signin';
import { assumeRole } from './sts';
import { DAY, HOUR, isoSeconds, localHourAndDay, MINUTE, utcOffsetMinutes } from './time';

export const REGION_MIX: Record<AccountKind, OpMix> = {
  management: [
    ['us-east-1', 85],
    ['us-west-2', 15],
  ],
  prod: [
    ['us-east-1', 75],
    ['eu-west-1', 25],
  ],
  dev: [
    ['us-west-2', 80],
    ['us-east-1', 20],
  ],
  security: [['us-east-1', 1]],
};

export interface Session {
  caller: Caller;
  expires: number;
}

export interface DayState {
  day: number;
  ip: string;
  sessions: Map<string, Session>;
  signedIn: boolean;
  orgAccessDone: boolean;
  grant: number;
}

function localDay(person: Person, ms: number): number {
  return Math.floor((ms + utcOffsetMinutes(person.network.timeZone, ms) * MINUTE) / DAY);
}

/** Which of a person's networks they work from on a given day. */
export function personIp(person: Person, day: number, seed: number): string {
  const r = dailyHash(`${person.handle}/ip`, day, seed);
  if (person.altNetwork && r < 0.3) return hostIp(person.altNetwork, person.hosts[0] + 7);
  return hostIp(person.network, r < 0.85 ? person.hosts[0] : person.hosts[1]);
}

/** Every IP a person can ever use, for the ground truth. */
export function personIps(person: Person): string[] {
  const ips = [hostIp(person.network, person.hosts[0]), hostIp(person.network, person.hosts[1])];
  if (person.altNetwork) ips.push(hostIp(person.altNetwork, person.hosts[0] + 7));
  return ips;
}

export abstract class PersonActor implements Actor {
  abstract id: string;
  protected state: DayState | null = null;

  constructor(
    protected readonly person: Person,
    protected readonly consoleShare: number,
    protected readonly seed: number,
  ) {}

  weight(hour: number): number {
    const day = localDay(this.person, hour);
    if (dailyHash(`${this.person.handle}/pto`, day, this.seed) < 0.06) return 0;
    return workdayWeight(this.person.network.timeZone, this.person.startHour, hour);
  }

  protected day(g: GenContext, t: number): DayState {
    const day = localDay(this.person, t);
    if (!this.state || this.state.day !== day) {
      this.state = {
        day,
        ip: personIp(this.person, day, this.seed),
        sessions: new Map(),
        signedIn: false,
        orgAccessDone: false,
        grant: g.rng.int(1000),
      };
    }
    return this.state;
  }

  run(g: GenContext, hour: number, count: number): void {
    const times = burstTimes(g.rng, hour, count);
    let emitted = 0;
    for (let i = 0; emitted < count && i < times.length * 2; i++) {
      const t = times[Math.min(i, times.length - 1)] ?? hour;
      emitted += this.act(g, t);
    }
  }

  /** One unit of work at time t; returns how many records it emitted. */
  protected abstract act(g: GenContext, t: number): number;
}

export class IamHumanActor extends PersonActor {
  readonly id: string;

  constructor(
    private readonly iam: IamPerson,
    consoleShare: number,
    seed: number,
    private readonly orgAccess: boolean,
  ) {
    super(iam, consoleShare, seed);
    this.id = `iam:${iam.handle}`;
  }

  protected act(g: GenContext, t: number): number {
    const st = this.day(g, t);
    const { user } = this.iam;
    const region = g.rng.weighted(REGION_MIX.management);
    const op = g.rng.weighted(PERSON_OPS[this.iam.profile]);
    const deny = g.rng.chance(0.015);
    if (g.rng.chance(this.consoleShare)) {
      let session = st.sessions.get('console');
      let emitted = 0;
      if (!session || session.expires < t) {
        g.emit(
          consoleLogin(g.rng, {
            time: t - 15_000,
            identity: signInIdentity(user),
            accountId: user.accountId,
            arn: user.arn,
            ip: st.ip,
            userAgent: this.iam.browser,
            mfa: true,
            mfaSerial: this.iam.mfaSerial,
          }),
        );
        emitted++;
        const key = g.rng.awsId('ASIA');
        const created = isoSeconds(t - 15_000);
        session = {
          caller: {
            identity: iamUserConsoleIdentity(user, key, created),
            accountId: user.accountId,
            arn: user.arn,
            ip: st.ip,
            userAgent: this.iam.browser,
            style: 'console',
          },
          expires: t + 12 * HOUR,
        };
        st.sessions.set('console', session);
      }
      // The console's own backend calls show up as "AWS Internal".
      const caller = g.rng.chance(0.08)
        ? { ...session.caller, ip: 'AWS Internal', userAgent: 'AWS Internal', style: 'internal' as const }
        : session.caller;
      g.emit(perform(g, caller, op, region, t, { deny }));
      return emitted + 1;
    }
    const cli: Caller = {
      identity: iamUserIdentity(user),
      accountId: user.accountId,
      arn: user.arn,
      ip: st.ip,
      userAgent: this.iam.cli,
      style: 'sdk',
    };
    const local = localHourAndDay(this.iam.network.timeZone, t);
    const orgDay = dailyHash(`${this.iam.handle}/org`, st.day, this.seed) < 0.25;
    if (this.orgAccess && orgDay && !st.orgAccessDone && local.hour >= this.iam.startHour + 5) {
      st.orgAccessDone = true;
      return this.orgAccessSession(g, cli, t);
    }
    g.emit(perform(g, cli, op, region, t, { deny }));
    return 1;
  }

  /** An admin hop into a member account through OrganizationAccountAccessRole. */
  private orgAccessSession(g: GenContext, cli: Caller, t: number): number {
    const kind: AccountKind = g.rng.chance(0.7) ? 'prod' : 'dev';
    const role = roleOf(g.org, kind, 'OrganizationAccountAccessRole');
    const issued = assumeRole(g.rng, {
      time: t,
      caller: cli,
      role,
      sessionName: this.iam.handle,
      callerPrincipalId: this.iam.user.principalId,
    });
    for (const ev of issued.events) g.emit(ev);
    const caller: Caller = {
      ...cli,
      identity: assumedRoleIdentity(role, this.iam.handle, issued.accessKeyId, issued.creationDate),
      accountId: role.accountId,
      arn: `arn:aws:sts::${role.accountId}:assumed-role/${role.name}/${this.iam.handle}`,
    };
    const n = g.rng.range(3, 8);
    for (let i = 0; i < n; i++) {
      const op = g.rng.weighted(PERSON_OPS.sre);
      g.emit(perform(g, caller, op, g.rng.weighted(REGION_MIX[kind]), t + (i + 1) * 9_000));
    }
    return issued.events.length + n;
  }
}
