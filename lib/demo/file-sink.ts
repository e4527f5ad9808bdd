// Compresses, hashes and writes files off the main thread. Generation is
// CPU-bound (building and serialising records), and so are gzip and the many
// small file creations, so on a two-core machine a worker roughly halves the
// wall time. The worker is inline source so that bundlers need not know it.

import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';

/** zlib level 1 is ~3x faster than the default 6 for ~15% larger files. */
export const GZIP_LEVEL = 1;
const BATCH = 24;
const MAX_OUTSTANDING = 256;

interface Job {
  id: number;
  path: string;
  text: string;
  hash: boolean;
}

interface Result {
  id: number;
  sha256: string | null;
  error?: string;
}

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { gzipSync } = require('node:zlib');
const { createHash } = require('node:crypto');
const { mkdirSync, writeFileSync } = require('node:fs');
const { dirname } = require('node:path');
const made = new Set();
parentPort.on('message', (jobs) => {
  const results = [];
  for (const job of jobs) {
    try {
      const body = Buffer.from(job.text, 'latin1');
      const sha256 = job.hash ? createHash('sha256').update(body).digest('hex') : null;
      const dir = dirname(job.path);
      if (!made.has(dir)) { mkdirSync(dir, { recursive: true }); made.add(dir); }
      writeFileSync(job.path, gzipSync(body, { level: ${GZIP_LEVEL} }));
      results.push({ id: job.id, sha256 });
    } catch (err) {
      results.push({ id: job.id, sha256: null, error: String(err && err.stack || err) });
    }
  }
  parentPort.postMessage(results);
});
`;

/** Writes text files as gzip. All demo text is ASCII, so latin1 bytes equal UTF-8 bytes. */
export function writeGzipSync(path: string, text: string): string {
  const body = Buffer.from(text, 'latin1');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, gzipSync(body, { level: GZIP_LEVEL }));
  return createHash('sha256').update(body).digest('hex');
}

export class FileSink {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<
    number,
    { resolve: (h: string | null) => void; reject: (e: Error) => void }
  >();
  private batch: Job[] = [];
  private nextId = 0;
  private nextWorker = 0;
  private wake: (() => void) | null = null;
  private failure: Error | null = null;

  constructor(
    private readonly root: string,
    workerCount = Math.min(2, Math.max(1, availableParallelism() - 1)),
  ) {
    for (let i = 0; i < workerCount; i++) {
      const worker = new Worker(WORKER_SOURCE, { eval: true });
      worker.on('message', (results: Result[]) => this.settle(results));
      worker.on('error', (err) => this.fail(err));
      this.workers.push(worker);
    }
  }

  /**
   * Queues a file once there is room (the await is the backpressure). `sha256`
   * settles to the SHA-256 of the uncompressed text, if asked for, once written.
   */
  async write(relPath: string, text: string, hash: boolean): Promise<{ sha256: Promise<string | null> }> {
    if (this.failure) throw this.failure;
    const path = join(this.root, relPath);
    if (this.workers.length === 0) {
      const digest = writeGzipSync(path, text);
      return { sha256: Promise.resolve(hash ? digest : null) };
    }
    while (this.waiting.size >= MAX_OUTSTANDING) {
      this.dispatch();
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      if (this.failure) throw this.failure;
    }
    const id = this.nextId++;
    const done = new Promise<string | null>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    // Failures also surface through drain(); this keeps an unawaited one from crashing the process.
    done.catch(() => undefined);
    this.batch.push({ id, path, text, hash });
    if (this.batch.length >= BATCH) this.dispatch();
    return { sha256: done };
  }

  /** Waits until everything queued so far is on disk. */
  async drain(): Promise<void> {
    this.dispatch();
    while (this.waiting.size > 0) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      if (this.failure) throw this.failure;
    }
  }

  async close(): Promise<void> {
    try {
      await this.drain();
    } finally {
      await Promise.all(this.workers.map((w) => w.terminate()));
    }
  }

  /** Stops the workers without waiting, after a failure elsewhere. */
  async abort(): Promise<void> {
    this.batch = [];
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  /** Sends the partly filled batch now, for callers about to wait on its results. */
  dispatch(): void {
    if (this.batch.length === 0 || this.workers.length === 0) return;
    const worker = this.workers[this.nextWorker++ % this.workers.length];
    worker?.postMessage(this.batch);
    this.batch = [];
  }

  private settle(results: Result[]): void {
    for (const r of results) {
      const waiter = this.waiting.get(r.id);
      this.waiting.delete(r.id);
      if (r.error) {
        const err = new Error(`demo trail write failed: ${r.error}`);
        this.failure ??= err;
        waiter?.reject(err);
      } else {
        waiter?.resolve(r.sha256);
      }
    }
    this.wakeUp();
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const w of this.waiting.values()) w.reject(err);
    this.waiting.clear();
    this.wakeUp();
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
