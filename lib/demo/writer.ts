// Delivers records the way CloudTrail does: one gzipped {"Records":[...]} file
// per account, region and ~5-minute window, named by *delivery* time (so an
// event at 23:58 may sit in the next day's folder), loosely ordered inside.

import { DigestWriter } from './digest';
import { FileSink } from './file-sink';
import { ORG_ID } from './org';
import type { Prng } from './prng';
import type { DemoEvent } from './record';
import { compactMinute, datePath, MINUTE } from './time';

export const WINDOW = 5 * MINUTE;
/** CloudTrail splits busy windows into several objects; keep files a manageable size. */
const MAX_RECORDS_PER_FILE = 1500;

interface Pending {
  account: string;
  region: string;
  window: number;
  items: { time: number; json: string }[];
}

export interface WrittenLogFile {
  account: string;
  region: string;
  key: string;
  delivered: number;
  /** SHA-256 of the uncompressed file, known once the worker has written it. */
  sha256: Promise<string | null>;
  oldest: number;
  newest: number;
}

export class TrailWriter {
  private readonly buckets = new Map<string, Pending>();
  private readonly sink: FileSink;
  private readonly digests: DigestWriter | null;
  private openFrom = 0;
  files = 0;
  events = 0;

  constructor(
    out: string,
    private readonly rng: Prng,
    digests: boolean,
    workers?: number,
  ) {
    this.sink = new FileSink(out, workers);
    this.digests = digests ? new DigestWriter(rng.fork('digest'), this.sink) : null;
  }

  get digestFiles(): number {
    return this.digests?.count ?? 0;
  }

  add(ev: DemoEvent): void {
    let window = Math.floor(ev.time / WINDOW);
    // A few records miss their window and arrive in a later file, as in real trails.
    const late = this.rng.next();
    if (late < 0.012) window += late < 0.002 ? 2 : 1;
    // Never reopen a window that was already delivered.
    if (window < this.openFrom) window = this.openFrom;
    const key = `${ev.account}|${ev.region}|${window}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { account: ev.account, region: ev.region, window, items: [] };
      this.buckets.set(key, bucket);
    }
    bucket.items.push({ time: ev.time, json: JSON.stringify(ev.record) });
  }

  /** Writes every window that closed at or before `until` (ms). */
  async flushUntil(until: number): Promise<void> {
    const ready = [...this.buckets.entries()]
      .filter(([, b]) => (b.window + 1) * WINDOW <= until)
      .sort(([, a], [, b]) => a.window - b.window || cmp(a.account, b.account) || cmp(a.region, b.region));
    for (const [key, bucket] of ready) {
      this.buckets.delete(key);
      await this.writeBucket(bucket);
    }
    if (Number.isFinite(until)) this.openFrom = Math.max(this.openFrom, Math.ceil(until / WINDOW));
    if (this.digests) await this.digests.flushUntil(until);
  }

  async finish(): Promise<void> {
    try {
      await this.flushUntil(Number.POSITIVE_INFINITY);
      if (this.digests) await this.digests.finish();
    } finally {
      await this.sink.close();
    }
  }

  /** Releases the writer threads after a failure; output is incomplete. */
  async abort(): Promise<void> {
    await this.sink.abort();
  }

  private async writeBucket(bucket: Pending): Promise<void> {
    const items = bucket.items;
    items.sort((a, b) => a.time - b.time);
    // Real files are roughly, not strictly, time ordered.
    for (let i = 1; i < items.length; i++) {
      if (this.rng.chance(0.3)) {
        const j = i - 1 - this.rng.int(Math.min(i, 6));
        const tmp = items[i] as (typeof items)[number];
        items[i] = items[j] as (typeof items)[number];
        items[j] = tmp;
      }
    }
    const delivered = (bucket.window + 1) * WINDOW + this.rng.range(20, 280) * 1000;
    for (let start = 0; start < items.length; start += MAX_RECORDS_PER_FILE) {
      const chunk = items.slice(start, start + MAX_RECORDS_PER_FILE);
      const dir = `AWSLogs/${ORG_ID}/${bucket.account}/CloudTrail/${bucket.region}/${datePath(delivered)}`;
      const name = `${bucket.account}_CloudTrail_${bucket.region}_${compactMinute(delivered)}_${this.rng.alnum(16)}.json.gz`;
      let oldest = Number.POSITIVE_INFINITY;
      let newest = 0;
      const parts: string[] = [];
      for (const c of chunk) {
        if (c.time < oldest) oldest = c.time;
        if (c.time > newest) newest = c.time;
        parts.push(c.json);
      }
      const key = `${dir}/${name}`;
      const { sha256 } = await this.sink.write(
        key,
        `{"Records":[${parts.join(',')}]}`,
        this.digests !== null,
      );
      this.digests?.addLogFile({
        account: bucket.account,
        region: bucket.region,
        key,
        delivered,
        sha256,
        oldest,
        newest,
      });
      this.files++;
      this.events += chunk.length;
    }
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
