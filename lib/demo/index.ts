// `generateDemoTrail` writes a deterministic, realistic organisation trail
// (S3 layout, gzipped {"Records":[...]} files, optional digests) plus a
// ground-truth sidecar describing the attack storylines hidden in it.
//
// Generation walks the range one hour at a time and hands records to the
// writer as it goes, so memory stays flat whatever the event count.

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GenContext } from './actor';
import { createBenignPlan, runBenignHour } from './benign';
import { hostIp, NETWORKS } from './geo';
import { buildOrg, FOREIGN_ACCOUNT_ID } from './org';
import { Prng } from './prng';
import type { DemoEvent } from './record';
import { ATTACK_IPS, ATTACK_SESSION, buildStorylines, EXFIL_BUCKET, PROD_TRAIL_ARN } from './storylines';
import { DAY, HOUR, isoSeconds } from './time';
import { benignPrincipals, compromisedPrincipals, orgTruth, storylineTruth, TRUTH_FILE } from './truth';
import { TrailWriter } from './writer';

export const DEFAULT_DEMO_EVENTS = 80_000;
export const DEFAULT_DEMO_DAYS = 30;
export const DEFAULT_DEMO_SEED = 1337;
/** The demo range ends here unless `end` is given, so output never depends on the clock. */
export const DEFAULT_DEMO_END = new Date('2026-11-01T00:00:00Z');
export const DEMO_TRUTH_FILE = TRUTH_FILE;
export {
  STORYLINE_NAMES,
  type StoryId,
  type TruthEvent,
  type TruthPrincipal,
  type TruthStoryline,
} from './truth';

export interface DemoTrailOptions {
  /** Approximate number of records to write (benign + attack). */
  events?: number;
  days?: number;
  seed?: number;
  /** Output folder; plays the role of the trail bucket's root. */
  out: string;
  /** End of the range (exclusive); floored to the hour. */
  end?: Date;
  /** Also write CloudTrail-Digest files (default true). */
  digests?: boolean;
  onProgress?: (written: number, total: number) => void;
  /** Background threads that gzip and write files; 0 writes on the calling thread. */
  writerThreads?: number;
}

export interface DemoTrailResult {
  files: number;
  digestFiles: number;
  events: number;
  truthFile: string;
  from: Date;
  to: Date;
}

function positiveInt(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) throw new Error(`demo ${name} must be an integer >= ${min}`);
  return value;
}

export async function generateDemoTrail(options: DemoTrailOptions): Promise<DemoTrailResult> {
  const requested = positiveInt('events', options.events ?? DEFAULT_DEMO_EVENTS, 0);
  const days = positiveInt('days', options.days ?? DEFAULT_DEMO_DAYS, 1);
  const seed = positiveInt('seed', options.seed ?? DEFAULT_DEMO_SEED, 0);
  const endMs = (options.end ?? DEFAULT_DEMO_END).getTime();
  if (!Number.isFinite(endMs)) throw new Error('demo end must be a valid date');
  const to = Math.floor(endMs / HOUR) * HOUR;
  const from = to - days * DAY;
  await mkdir(options.out, { recursive: true });

  const org = buildOrg(seed);
  const story = buildStorylines(org, seed, from, days);
  // Odd ranges (a day or two, not ending at midnight) can cut the story short; keep truth honest.
  for (const [id, list] of story.events)
    story.events.set(
      id,
      list.filter((e) => e.time >= from && e.time < to),
    );
  const attack: DemoEvent[] = [...story.events.values()].flat().sort((a, b) => a.time - b.time);
  const plan = createBenignPlan(org, seed, from, to);
  const benignTarget = Math.max(0, requested - attack.length);
  const writer = new TrailWriter(
    options.out,
    new Prng(seed, 'writer'),
    options.digests ?? true,
    options.writerThreads,
  );
  const g: GenContext = {
    rng: new Prng(seed, 'benign'),
    org,
    emit: (ev) => {
      if (ev.time >= from && ev.time < to) writer.add(ev);
    },
  };

  try {
    let next = 0;
    for (let hour = from; hour < to; hour += HOUR) {
      runBenignHour(g, plan, hour, benignTarget);
      while (next < attack.length && (attack[next]?.time ?? 0) < hour + HOUR) {
        const ev = attack[next++];
        if (ev) g.emit(ev);
      }
      await writer.flushUntil(hour + HOUR);
      options.onProgress?.(writer.events, Math.max(requested, writer.events));
    }
    await writer.finish();
  } catch (err) {
    await writer.abort();
    throw err;
  }
  options.onProgress?.(writer.events, writer.events);

  const principals = compromisedPrincipals(org, story.facts);
  const truth = {
    generator: 'trailhound-demo',
    formatVersion: 1,
    seed,
    requestedEvents: requested,
    range: { from: isoSeconds(from), to: isoSeconds(to), days },
    ...orgTruth(),
    attack: {
      day: isoSeconds(story.facts.attackDay).slice(0, 10),
      homeTimeZone: NETWORKS.denverHome.timeZone,
      sourceIps: ATTACK_IPS,
      networks: { initial: NETWORKS.attackerAmsterdam, pivot: NETWORKS.attackerBucharest },
      userAgentFamily: 'aws-cli on Kali Linux (exe/x86_64.kali.2024)',
      createdAccessKey: {
        userName: 'svc-backup',
        accessKeyId: story.facts.newKeyId,
        createdAt: isoSeconds(story.facts.keyCreatedAt),
        firstUsedAt: isoSeconds(story.facts.keyFirstUsedAt),
        firstUsedIp: ATTACK_IPS.pivot,
      },
      assumedRole: {
        roleArn: story.facts.adminRoleArn,
        sessionName: ATTACK_SESSION,
        accessKeyId: story.facts.sessionKeyId,
      },
      exfiltration: {
        bucket: 'acme-prod-backups',
        replicationDestination: `arn:aws:s3:::${EXFIL_BUCKET}`,
        foreignAccountId: FOREIGN_ACCOUNT_ID,
      },
      openedSecurityGroup: { groupId: org.securityGroups.prod[0], cidr: '0.0.0.0/0', port: 22 },
      stoppedTrailArn: PROD_TRAIL_ARN,
    },
    compromisedPrincipals: Object.values(principals),
    storylines: storylineTruth(story.events, principals),
    benignPrincipals: benignPrincipals(org),
    benignServiceIps: { backupServer: hostIp(NETWORKS.denverOffice, 211) },
    output: {
      logFiles: writer.files,
      digestFiles: writer.digestFiles,
      events: writer.events,
      digests: options.digests ?? true,
    },
  };
  const truthFile = join(options.out, TRUTH_FILE);
  await writeFile(truthFile, `${JSON.stringify(truth, null, 2)}\n`);
  return {
    files: writer.files,
    digestFiles: writer.digestFiles,
    events: writer.events,
    truthFile,
    from: new Date(from),
    to: new Date(to),
  };
}
