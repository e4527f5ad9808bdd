import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_TRUTH_FILE, generateDemoTrail } from './index';
import { ACCOUNT_LIST, ACCOUNTS } from './org';
import { type LoadedTrail, loadTrail, type Rec } from './test-helpers';
import { localHourAndDay } from './time';

let out: string;
let trail: LoadedTrail;
let truth: Rec;

function story(id: number): Rec {
  const s = (truth.storylines as Rec[]).find((x) => x.id === id);
  if (!s) throw new Error(`no storyline ${id}`);
  return s;
}

function recordsOf(id: number): Rec[] {
  return (story(id).events as Rec[]).map((e) => {
    const r = trail.records.get(`${e.eventId}|${e.accountId}`);
    if (!r) throw new Error(`storyline ${id} event ${e.eventId} is not in the trail`);
    return r;
  });
}

function named(id: number, name: string): Rec[] {
  return recordsOf(id).filter((r) => r.eventName === name);
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'trailhound-story-'));
  await generateDemoTrail({ events: 6000, days: 14, seed: 11, out, end: new Date('2026-03-15T00:00:00Z') });
  trail = loadTrail(out);
  truth = JSON.parse(readFileSync(join(out, DEMO_TRUTH_FILE), 'utf8'));
});

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('attack storylines', () => {
  test('the truth file lists ten storylines whose events are all in the trail', () => {
    expect((truth.storylines as Rec[]).map((s) => s.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(truth.organizationId).toMatch(/^o-[a-z0-9]{10}$/);
    expect((truth.accounts as Rec[]).map((a) => a.id)).toEqual(ACCOUNT_LIST.map((a) => a.id));
    for (const s of truth.storylines as Rec[]) {
      expect(s.eventIds.length).toBeGreaterThan(0);
      expect(s.principals.length).toBeGreaterThan(0);
      expect(s.days.length).toBeGreaterThan(0);
      for (const [i, r] of recordsOf(s.id).entries()) expect(r.eventName).toBe(s.events[i].eventName);
    }
    const all = (truth.storylines as Rec[]).flatMap((s) =>
      s.events.map((e: Rec) => `${e.eventId}|${e.accountId}`),
    );
    expect(new Set(all).size).toBe(all.length);
  });

  test("1: dana's key appears from a new country and ASN with a kali user agent", () => {
    const dana = (truth.compromisedPrincipals as Rec[]).find((p) => p.arn.endsWith(':user/dana'));
    const key = dana?.accessKeyIds[0];
    const attackIps = new Set(Object.values(truth.attack.sourceIps as Record<string, string>));
    for (const r of recordsOf(1)) {
      expect(r.userIdentity.accessKeyId).toBe(key);
      expect(r.userAgent).toContain('kali');
      expect(attackIps.has(r.sourceIPAddress)).toBe(true);
    }
    const baseline = [...trail.records.values()].filter(
      (r) => r.userIdentity.accessKeyId === key && r.eventTime < story(1).start,
    );
    expect(new Set(baseline.map((r) => r.eventTime.slice(0, 10))).size).toBeGreaterThanOrEqual(5);
    for (const r of baseline) {
      expect(attackIps.has(r.sourceIPAddress)).toBe(false);
      expect(r.userAgent).not.toContain('kali');
    }
    expect(truth.attack.networks.initial.country).not.toBe('US');
  });

  test('2: the recon burst is many distinct reads with about 40% AccessDenied', () => {
    const records = recordsOf(2);
    const denied = records.filter((r) => /AccessDenied|UnauthorizedOperation/.test(r.errorCode ?? ''));
    expect(records.length).toBeGreaterThanOrEqual(40);
    expect(new Set(records.map((r) => r.eventName)).size).toBeGreaterThanOrEqual(20);
    expect(denied.length / records.length).toBeGreaterThan(0.3);
    expect(denied.length / records.length).toBeLessThan(0.5);
    for (const r of records) expect(r.eventName).toMatch(/^(List|Describe|Get)/);
    const span = Date.parse(records.at(-1)?.eventTime) - Date.parse(records[0]?.eventTime);
    expect(span).toBeLessThan(20 * 60_000);
  });

  test('3: a key is created for svc-backup and used minutes later from another IP', () => {
    const [create] = named(3, 'CreateAccessKey');
    expect(create?.requestParameters.userName).toBe('svc-backup');
    expect(create?.responseElements.accessKey.userName).toBe('svc-backup');
    const newKey = create?.responseElements.accessKey.accessKeyId;
    expect(newKey).toBe(truth.attack.createdAccessKey.accessKeyId);
    const uses = [...trail.records.values()]
      .filter((r) => r.userIdentity.accessKeyId === newKey)
      .sort((a, b) => a.eventTime.localeCompare(b.eventTime));
    const firstUse = uses[0];
    expect(firstUse).toBeDefined();
    const gap = Date.parse(firstUse?.eventTime) - Date.parse(create?.eventTime);
    expect(gap).toBeGreaterThan(60_000);
    expect(gap).toBeLessThan(10 * 60_000);
    expect(firstUse?.sourceIPAddress).not.toBe(create?.sourceIPAddress);
    expect(firstUse?.userIdentity.userName).toBe('svc-backup');
  });

  test('4: AssumeRole into prod OrganizationAccountAccessRole, logged in both accounts, then used', () => {
    const assumes = named(4, 'AssumeRole');
    expect(assumes).toHaveLength(2);
    const [a, b] = assumes as [Rec, Rec];
    expect(a.sharedEventID).toBe(b.sharedEventID);
    expect(a.eventID).not.toBe(b.eventID);
    expect(new Set([a.recipientAccountId, b.recipientAccountId])).toEqual(
      new Set([ACCOUNTS.management.id, ACCOUNTS.prod.id]),
    );
    expect(a.requestParameters.roleArn).toBe(
      `arn:aws:iam::${ACCOUNTS.prod.id}:role/OrganizationAccountAccessRole`,
    );
    const sessionKey = a.responseElements.credentials.accessKeyId;
    expect(sessionKey).toMatch(/^ASIA/);
    for (const id of [5, 6, 7, 8, 10]) {
      for (const r of recordsOf(id)) expect(r.userIdentity.accessKeyId).toBe(sessionKey);
    }
  });

  test('5: about 450 GetObject on acme-prod-backups at 02:00 Denver time', () => {
    const gets = named(5, 'GetObject');
    expect(gets.length).toBeGreaterThanOrEqual(440);
    for (const r of gets) {
      expect(r.requestParameters.bucketName).toBe('acme-prod-backups');
      expect(r.eventCategory).toBe('Data');
      expect(r.additionalEventData.bytesTransferredOut).toBeGreaterThan(0);
      expect(localHourAndDay('America/Denver', Date.parse(r.eventTime)).hour).toBe(2);
    }
  });

  test('6-8: replication abroad, Transfer Acceleration, SSH open to the world', () => {
    const [replication] = named(6, 'PutBucketReplication');
    const destination = replication?.requestParameters.ReplicationConfiguration.Rule.Destination;
    expect(destination.Account).toBe(truth.attack.exfiltration.foreignAccountId);
    expect(ACCOUNT_LIST.map((x) => x.id)).not.toContain(destination.Account);
    const [accelerate] = named(7, 'PutBucketAccelerateConfiguration');
    expect(accelerate?.requestParameters.AccelerateConfiguration.Status).toBe('Enabled');
    const [ingress] = named(8, 'AuthorizeSecurityGroupIngress');
    const permission = ingress?.requestParameters.ipPermissions.items[0];
    expect(permission.ipRanges.items[0].cidrIp).toBe('0.0.0.0/0');
    expect(permission.fromPort).toBe(22);
    expect(ingress?.responseElements._return).toBe(true);
  });

  test('9-10: root signs in without MFA and logging is stopped', () => {
    const [login] = named(9, 'ConsoleLogin');
    expect(login?.userIdentity.type).toBe('Root');
    expect(login?.additionalEventData.MFAUsed).toBe('No');
    expect(login?.responseElements.ConsoleLogin).toBe('Success');
    const [stop] = named(10, 'StopLogging');
    expect(stop?.eventSource).toBe('cloudtrail.amazonaws.com');
    expect(stop?.requestParameters.name).toBe(truth.attack.stoppedTrailArn);
  });

  test('benign principals keep their home networks and office hours', () => {
    const people = (truth.benignPrincipals as Rec[]).filter((p) => p.kind === 'identity-center-user');
    expect(people.length).toBeGreaterThanOrEqual(5);
    for (const p of people) {
      const ips = new Set(p.ips as string[]);
      const mine = [...trail.records.values()].filter((r) => r.userIdentity.arn?.endsWith(`/${p.email}`));
      expect(mine.length).toBeGreaterThan(0);
      for (const r of mine) {
        if (r.sourceIPAddress !== 'AWS Internal') expect(ips.has(r.sourceIPAddress)).toBe(true);
      }
    }
  });
});
