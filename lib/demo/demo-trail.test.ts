import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_TRUTH_FILE, type DemoTrailResult, generateDemoTrail } from './index';
import { ACCOUNT_LIST } from './org';
import {
  gunzipJson,
  hashTree,
  type LoadedTrail,
  loadTrail,
  type Rec,
  sha256OfGunzipped,
} from './test-helpers';

const LOG_PATH =
  /^AWSLogs\/(o-[a-z0-9]{10})\/(\d{12})\/CloudTrail\/([a-z]{2}-[a-z]+-\d)\/(\d{4})\/(\d{2})\/(\d{2})\/\2_CloudTrail_\3_\4\5\6T\d{4}Z_[A-Za-z0-9]{16}\.json\.gz$/;
const DIGEST_PATH =
  /^AWSLogs\/(o-[a-z0-9]{10})\/(\d{12})\/CloudTrail-Digest\/([a-z]{2}-[a-z]+-\d)\/(\d{4})\/(\d{2})\/(\d{2})\/\2_CloudTrail-Digest_\3_acme-org-trail_us-east-1_\4\5\6T\d{6}Z\.json\.gz$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const EVENTS = 5000;
const OPTIONS = { events: EVENTS, days: 6, seed: 7, end: new Date('2026-06-01T00:00:00Z') };
const dirs: string[] = [];
let first: DemoTrailResult;
let trail: LoadedTrail;

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'trailhound-demo-'));
  dirs.push(dir);
  return dir;
}

beforeAll(async () => {
  first = await generateDemoTrail({ ...OPTIONS, out: tempDir() });
  trail = loadTrail(dirs[0] as string);
});

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('generateDemoTrail', () => {
  test('writes the organisation-trail S3 layout and a truth file', () => {
    expect(trail.logFiles.length).toBe(first.files);
    expect(trail.digestFiles.length).toBe(first.digestFiles);
    expect(trail.otherFiles).toEqual([DEMO_TRUTH_FILE]);
    for (const f of trail.logFiles) expect(f).toMatch(LOG_PATH);
    for (const f of trail.digestFiles) expect(f).toMatch(DIGEST_PATH);
    const accounts = new Set(trail.logFiles.map((f) => f.split('/')[2]));
    expect([...accounts].sort()).toEqual(ACCOUNT_LIST.map((a) => a.id).sort());
  });

  test('every log file is gzipped {"Records":[...]} owned by its path, delivered after its events', () => {
    for (const [file, records] of trail.fileRecords) {
      const [, , account, , region] = file.split('/');
      const stamp = /_(\d{8}T\d{4})Z_/.exec(file)?.[1] ?? '';
      const delivered = Date.parse(
        `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:59Z`,
      );
      expect(records.length).toBeGreaterThan(0);
      for (const r of records) {
        expect(r.recipientAccountId).toBe(account);
        expect(r.awsRegion).toBe(region);
        expect(Date.parse(r.eventTime)).toBeLessThanOrEqual(delivered);
      }
    }
  });

  test('writes about as many events as requested, inside the range', () => {
    expect(first.events).toBe(trail.records.size);
    expect(Math.abs(first.events - EVENTS) / EVENTS).toBeLessThan(0.03);
    for (const r of trail.records.values()) {
      const t = Date.parse(r.eventTime);
      expect(t).toBeGreaterThanOrEqual(first.from.getTime());
      expect(t).toBeLessThan(first.to.getTime());
    }
  });

  test('records have CloudTrail shapes and the variety parsers must handle', () => {
    const types = new Set<string>();
    const eventTypes = new Set<string>();
    const errors = new Set<string>();
    let serviceHostIps = 0;
    let internal = 0;
    let dataEvents = 0;
    let withTls = 0;
    for (const r of trail.records.values()) {
      expect(r.eventVersion).toMatch(/^1\.(08|09|10|11)$/);
      expect(r.eventID).toMatch(UUID);
      expect(r.eventTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(['Management', 'Data']).toContain(r.eventCategory);
      expect(r.managementEvent).toBe(r.eventCategory === 'Management');
      if (r.eventSource === 'iam.amazonaws.com') expect(r.awsRegion).toBe('us-east-1');
      types.add(String(r.userIdentity.type));
      eventTypes.add(r.eventType);
      if (r.errorCode) errors.add(r.errorCode);
      if (/^[a-z-]+\.amazonaws\.com$/.test(r.sourceIPAddress)) serviceHostIps++;
      if (r.sourceIPAddress === 'AWS Internal') internal++;
      if (r.tlsDetails) withTls++;
      if (r.eventCategory === 'Data') {
        dataEvents++;
        expect(typeof r.additionalEventData.bytesTransferredIn).toBe('number');
      }
    }
    for (const t of [
      'IAMUser',
      'AssumedRole',
      'AWSService',
      'Root',
      'SAMLUser',
      'WebIdentityUser',
      'IdentityCenterUser',
      'AWSAccount',
      'undefined',
    ]) {
      expect(types).toContain(t);
    }
    for (const t of ['AwsApiCall', 'AwsServiceEvent', 'AwsConsoleSignIn']) expect(eventTypes).toContain(t);
    for (const e of ['AccessDenied', 'Client.UnauthorizedOperation', 'AccessDeniedException'])
      expect(errors).toContain(e);
    expect([...errors].some((e) => /Throttl|RequestLimitExceeded/.test(e))).toBe(true);
    expect(serviceHostIps).toBeGreaterThan(0);
    expect(internal).toBeGreaterThan(0);
    expect(dataEvents).toBeGreaterThan(0);
    expect(withTls / trail.records.size).toBeGreaterThan(0.5);
  });

  test('records inside a file are not strictly time ordered', () => {
    let unordered = 0;
    for (const records of trail.fileRecords.values()) {
      for (let i = 1; i < records.length; i++) {
        if ((records[i] as Rec).eventTime < (records[i - 1] as Rec).eventTime) unordered++;
      }
    }
    expect(unordered).toBeGreaterThan(0);
  });

  test('cross-account AssumeRole is logged in both accounts with one sharedEventID', () => {
    const byShared = new Map<string, Rec[]>();
    for (const r of trail.records.values()) {
      if (r.eventName !== 'AssumeRole' || !r.sharedEventID) continue;
      byShared.set(r.sharedEventID, [...(byShared.get(r.sharedEventID) ?? []), r]);
    }
    const pairs = [...byShared.values()].filter((list) => list.length === 2);
    expect(pairs.length).toBeGreaterThan(0);
    for (const [a, b] of pairs as [Rec, Rec][]) {
      expect(a.eventID).not.toBe(b.eventID);
      expect(a.recipientAccountId).not.toBe(b.recipientAccountId);
      expect(a.requestID).toBe(b.requestID);
    }
  });

  test('digests hash the uncompressed log files and chain to the previous digest', () => {
    const root = dirs[0] as string;
    const digested = new Set<string>();
    const digestHash = new Map<string, string>();
    for (const d of trail.digestFiles) digestHash.set(d, sha256OfGunzipped(root, d));
    for (const d of trail.digestFiles) {
      const digest = gunzipJson(root, d) as Rec;
      expect(digest.digestS3Object).toBe(d);
      expect(digest.digestSignatureAlgorithm).toBe('SHA256withRSA');
      for (const log of digest.logFiles as Rec[]) {
        expect(log.hashAlgorithm).toBe('SHA-256');
        expect(log.hashValue).toBe(sha256OfGunzipped(root, log.s3Object));
        expect(digested.has(log.s3Object)).toBe(false);
        digested.add(log.s3Object);
      }
      if (digest.previousDigestS3Object !== null) {
        expect(digest.previousDigestHashAlgorithm).toBe('SHA-256');
        expect(digest.previousDigestHashValue).toBe(digestHash.get(digest.previousDigestS3Object));
      }
    }
    expect(digested.size).toBe(trail.logFiles.length);
  });

  test('is byte-for-byte deterministic for a seed, and a new seed changes it', async () => {
    const again = tempDir();
    await generateDemoTrail({ ...OPTIONS, out: again, writerThreads: 0 });
    expect(hashTree(again)).toEqual(hashTree(dirs[0] as string));
    const other = tempDir();
    await generateDemoTrail({ ...OPTIONS, seed: 8, out: other });
    const a = readFileSync(join(dirs[0] as string, DEMO_TRUTH_FILE), 'utf8');
    const b = readFileSync(join(other, DEMO_TRUTH_FILE), 'utf8');
    expect(a).not.toBe(b);
    expect([...hashTree(other).values()].sort()).not.toEqual([...hashTree(again).values()].sort());
  });

  test('can skip digests, and a one-day range not ending at midnight still holds the story', async () => {
    const out = tempDir();
    const end = new Date('2026-10-31T18:30:00Z');
    const result = await generateDemoTrail({ events: 800, days: 1, seed: 3, digests: false, end, out });
    expect(result.digestFiles).toBe(0);
    expect(result.to.toISOString()).toBe('2026-10-31T18:00:00.000Z');
    const small = loadTrail(out);
    expect(small.digestFiles).toEqual([]);
    const truth = JSON.parse(readFileSync(join(out, DEMO_TRUTH_FILE), 'utf8')) as Rec;
    for (const s of truth.storylines as Rec[]) {
      expect(s.events.length).toBeGreaterThan(0);
      for (const e of s.events as Rec[]) expect(small.records.has(`${e.eventId}|${e.accountId}`)).toBe(true);
    }
  });

  test('fails cleanly, without hanging its writer threads, when files cannot be written', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'AWSLogs'), 'not a folder');
    await expect(generateDemoTrail({ events: 300, days: 1, out })).rejects.toThrow(
      /demo trail write failed|ENOTDIR|EEXIST/,
    );
  });
});
