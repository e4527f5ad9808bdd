import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type { Worker as WorkerThread } from 'node:worker_threads';
import type pg from 'pg';
import { projectRoot } from '../config/paths';
import { type DecodedFile, decodeBatch, type FileToDecode } from './decode-batch';
import type { DecodeReply } from './decode-worker';
import type { DecodeLimits } from './decoded-stream';
import { dimensionStoreFor } from './dimensions';

export interface DecoderPool {
  decode(files: FileToDecode[], limits: DecodeLimits): Promise<(DecodedFile | null)[]>;
  close(): Promise<void>;
}

const WORKER_FILE = path.join(projectRoot, 'scripts', 'decode-worker.mjs');
const CALLING_THREAD_YIELD_FILES = 10;

/**
 * TRAILHOUND_DECODE_THREADS, else one per core but one (the calling thread feeds the database,
 * which needs a core of its own); 0 decodes on the calling thread.
 */
export function defaultDecodeThreads(): number {
  const configured = process.env.TRAILHOUND_DECODE_THREADS;
  if (configured !== undefined && configured !== '') return Math.max(0, Math.floor(Number(configured)) || 0);
  return availableParallelism() > 1 ? availableParallelism() - 1 : 0;
}

/**
 * Decodes batches on worker threads, each with its own database pool for dimension lookups, or on
 * the calling thread when `threads` is 0 or the worker source is not on disk (the web server's
 * bundle, for one). Either way the results are the same.
 */
export function createDecoderPool(pool: pg.Pool, threads = defaultDecodeThreads()): DecoderPool {
  stopAllocationSitePretenuring();
  if (threads === 0 || !existsSync(WORKER_FILE)) return inThreadDecoder(pool);
  const connectionString = connectionStringOf(pool);
  if (!connectionString) return inThreadDecoder(pool);
  const workers = Array.from({ length: threads }, () => startWorker(connectionString));
  const fallback = inThreadDecoder(pool);
  let callingThreadBusy = false;
  let nextId = 0;
  const onCallingThread: DecoderPool['decode'] = async (files, limits) => {
    callingThreadBusy = true;
    try {
      return await fallback.decode(files, limits);
    } finally {
      callingThreadBusy = false;
    }
  };
  return {
    async decode(files, limits) {
      const live = workers.filter((worker) => !worker.failed);
      // A thread that could not start (or died) is not worth failing files over: the calling
      // thread does the same work, only slower.
      if (!live.length) return fallback.decode(files, limits);
      const worker = live.reduce((best, candidate) => (candidate.busy < best.busy ? candidate : best));
      // The calling thread mostly waits on the database; when every worker already has a batch,
      // it decodes one itself rather than queue it.
      if (worker.busy > 0 && !callingThreadBusy) return onCallingThread(files, limits);
      try {
        return await worker.run(++nextId, files, limits);
      } catch (error) {
        if (!worker.failed) throw error;
        return fallback.decode(files, limits);
      }
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.stop()));
    },
  };
}

/**
 * Decoding allocates a parsed record, a normalised event and their strings for every event, all
 * dead once the file's COPY text is written. V8's allocation-site pretenuring, seeing objects from
 * some site survive (a source listing held for the whole job, a batch waiting on the database),
 * allocates every later object from that site straight in old space, where only full collections
 * reclaim it. At 1M events that promoted ~0.5 GB more and raised peak RSS by ~50 MB. The flag is
 * process-wide (worker threads included) and only a heuristic, so switching it off changes
 * nothing but where young objects are first allocated.
 */
function stopAllocationSitePretenuring(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}

function inThreadDecoder(pool: pg.Pool): DecoderPool {
  return {
    // Between files the calling thread answers the database (a COPY done, a commit), so its
    // loaders do not stand idle while it decodes a whole batch.
    decode: (files, limits) =>
      decodeBatch(files, limits, dimensionStoreFor(pool), CALLING_THREAD_YIELD_FILES),
    close: async () => {},
  };
}

export function connectionStringOf(pool: pg.Pool): string | null {
  const options = pool.options as pg.PoolConfig;
  return typeof options.connectionString === 'string' ? options.connectionString : null;
}

function startWorker(connectionString: string) {
  // Young-generation space sized for
  // parsed records that live only until their batch is encoded keeps them out of old space.
  const worker = new (workerThreads().Worker)(WORKER_FILE, {
    workerData: { connectionString },
    resourceLimits: { maxYoungGenerationSizeMb: 48, maxOldGenerationSizeMb: 256 },
  });
  const pending = new Map<
    number,
    { resolve: (files: (DecodedFile | null)[]) => void; reject: (error: Error) => void }
  >();
  let failure: Error | null = null;
  let exited = false;
  worker.on('message', (reply: DecodeReply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (reply.ok)
      waiting.resolve(reply.files.map((file) => (file ? { ...file, copy: asBuffer(file.copy) } : null)));
    else waiting.reject(new Error(reply.error));
  });
  const failAll = (error: Error) => {
    failure = error;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  worker.on('error', failAll);
  worker.on('exit', (code) => {
    exited = true;
    if (pending.size || !failure) failAll(new Error(`decoder thread stopped (exit code ${code})`));
  });
  worker.unref();
  return {
    get busy() {
      return pending.size;
    },
    get failed() {
      return failure !== null;
    },
    run(id: number, files: FileToDecode[], limits: DecodeLimits): Promise<(DecodedFile | null)[]> {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, files, limits });
      });
    },
    async stop() {
      if (exited) return;
      // Let it close its database pool; terminate it if it does not.
      const done = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('close');
      const timer = setTimeout(() => void worker.terminate(), 2000);
      await done;
      clearTimeout(timer);
    },
  };
}

/**
 * The worker entry is loaded from disk at run time and compiled by tsx; Turbopack would otherwise
 * follow `new Worker(…)` into it (and into tsx and esbuild) when bundling the web server, and
 * cannot. Reaching the module through getBuiltinModule keeps the call out of its sight.
 */
export function workerThreads(): { Worker: typeof WorkerThread } {
  return process.getBuiltinModule('node:worker_threads') as { Worker: typeof WorkerThread };
}

/** Structured clone delivers a worker's Buffer as a plain Uint8Array. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
