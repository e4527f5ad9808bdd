import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { dataDir } from '../config/paths';
import { formatBytes } from './format-bytes';
import { isUploadId } from './upload-path';

/** A refusal with the HTTP status the route answers with. */
export class UploadError extends Error {
  override name = 'UploadError';
  constructor(
    readonly status: 400 | 404 | 409 | 413,
    readonly code: string,
    message: string,
    /** Extra fields for the JSON answer, e.g. how much of a chunked file the server holds. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface UploadBatch {
  id: string;
  createdBy: string;
  createdAt: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Upload batches on disk: `<root>/<id>/<relative path>` holds the files, `<root>/<id>.json` who
 * made the batch, and `<root>/<id>.job` the job it became. Files are streamed to `<root>/.partial/`
 * and renamed into place only once complete, so the batch folder never holds half a file and an
 * ingest never reads one. The metadata sits beside the folder, not in it, so it is never ingested.
 */
export function createUploadStore(root = path.join(dataDir(), 'uploads')) {
  const partialDir = path.join(root, '.partial');
  const batchDir = (id: string) => path.join(root, id);
  const metaFile = (id: string) => path.join(root, `${id}.json`);
  const jobMarker = (id: string) => path.join(root, `${id}.job`);

  async function readBatch(id: string): Promise<UploadBatch | null> {
    if (!isUploadId(id)) return null;
    try {
      return JSON.parse(await fs.readFile(metaFile(id), 'utf8')) as UploadBatch;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async function claimedJob(id: string): Promise<string | null> {
    try {
      return (await fs.readFile(jobMarker(id), 'utf8')).trim() || 'pending';
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  function targetPath(id: string, relativePath: string): string {
    const dir = batchDir(id);
    const target = path.join(dir, ...relativePath.split('/'));
    // Defence in depth: the sanitiser already refused anything that could leave the folder.
    if (!target.startsWith(dir + path.sep)) {
      throw new UploadError(400, 'invalid_path', 'The file path leaves the upload folder.');
    }
    return target;
  }

  async function moveIntoPlace(id: string, partial: string, target: string): Promise<void> {
    if (await claimedJob(id)) throw alreadyIngesting();
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.rename(partial, target);
  }

  return {
    root,
    batchDir,
    readBatch,
    claimedJob,

    async createBatch(createdBy: string): Promise<UploadBatch> {
      const batch: UploadBatch = { id: randomUUID(), createdBy, createdAt: new Date().toISOString() };
      await fs.mkdir(batchDir(batch.id), { recursive: true });
      await fs.writeFile(metaFile(batch.id), JSON.stringify(batch), { flag: 'wx' });
      return batch;
    },

    /**
     * Streams `body` to the batch under `relativePath` (already sanitised), failing with 413 as
     * soon as it passes `maxBytes`. Uploading the same path again replaces the earlier copy.
     */
    async writeFile(
      id: string,
      relativePath: string,
      body: Readable,
      maxBytes: number,
    ): Promise<{ path: string; bytes: number }> {
      const target = targetPath(id, relativePath);
      await fs.mkdir(partialDir, { recursive: true });
      const partial = path.join(partialDir, `${id}-${randomUUID()}`);
      const limit = byteLimit(maxBytes);
      try {
        await pipeline(body, limit.stream, createWriteStream(partial, { flags: 'wx' }));
        await moveIntoPlace(id, partial, target);
        return { path: relativePath, bytes: limit.bytes() };
      } catch (error) {
        await fs.rm(partial, { force: true });
        throw describeWriteError(error, relativePath);
      }
    },

    /**
     * One piece of a large file, sent as several requests because Node ends any request still
     * arriving after five minutes (server.requestTimeout), which a 2 GiB body over a modest link
     * would hit. Pieces come in order; each names the offset it starts at, and one that does not
     * follow what the server holds gets a 409 with `received`, so a client resumes from there
     * after a dropped connection. The last piece moves the file into place.
     */
    async writeChunk(
      id: string,
      relativePath: string,
      body: Readable,
      { offset, total, maxBytes }: { offset: number; total: number; maxBytes: number },
    ): Promise<{ path: string; received: number; complete: boolean }> {
      const target = targetPath(id, relativePath);
      if (total > maxBytes) throw tooLarge(maxBytes);
      if (offset > total)
        throw new UploadError(400, 'invalid_offset', 'The offset is past the end of the file.');
      await fs.mkdir(partialDir, { recursive: true });
      const key = createHash('sha256').update(relativePath).digest('hex').slice(0, 32);
      const partial = path.join(partialDir, `${id}-${key}`);
      if (offset > 0) {
        const held = (await fs.stat(partial).catch(() => null))?.size ?? 0;
        if (held !== offset) {
          throw new UploadError(
            409,
            'offset_mismatch',
            `The server holds ${held} bytes of this file, not ${offset}; continue from there.`,
            { received: held },
          );
        }
      }
      const limit = byteLimit(total - offset, maxBytes);
      try {
        await pipeline(body, limit.stream, createWriteStream(partial, { flags: offset === 0 ? 'w' : 'a' }));
      } catch (error) {
        // A dropped connection keeps what arrived (the next piece resumes after it); a refusal does not.
        if (error instanceof UploadError) await fs.rm(partial, { force: true });
        throw describeWriteError(error, relativePath);
      }
      const received = offset + limit.bytes();
      if (received < total) return { path: relativePath, received, complete: false };
      try {
        await moveIntoPlace(id, partial, target);
      } catch (error) {
        await fs.rm(partial, { force: true });
        throw describeWriteError(error, relativePath);
      }
      return { path: relativePath, received, complete: true };
    },

    /** Files and bytes in the batch, counted the way the ingest lists them (recursively). */
    async summarize(id: string): Promise<{ files: number; bytes: number }> {
      let files = 0;
      let bytes = 0;
      const entries = await fs.readdir(/* turbopackIgnore: true */ batchDir(id), {
        recursive: true,
        withFileTypes: true,
      });
      for (const entry of entries) {
        if (!entry.isFile()) continue;
        files++;
        bytes += (await fs.stat(path.join(entry.parentPath, entry.name))).size;
      }
      return { files, bytes };
    },

    /**
     * Marks the batch as taken by an ingest; false when another request got there first. The
     * marker is created exclusively, so two clicks (or two tabs) cannot start two jobs.
     */
    async claim(id: string): Promise<boolean> {
      try {
        await fs.writeFile(jobMarker(id), '', { flag: 'wx' });
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw error;
      }
    },

    async recordJob(id: string, jobId: string): Promise<void> {
      await fs.writeFile(jobMarker(id), jobId);
    },

    async releaseClaim(id: string): Promise<void> {
      await fs.rm(jobMarker(id), { force: true });
    },

    /** The events are in the database once a job ends; the raw copy would only fill the disk. */
    async removeFiles(id: string): Promise<void> {
      if (!isUploadId(id)) return;
      await fs.rm(batchDir(id), { recursive: true, force: true });
    },

    /**
     * Deletes what abandoned uploads left: batches never ingested after a day, batches whose job
     * never cleaned up (the server stopped mid-job) after a week, and stray partial files.
     */
    async sweep(now = Date.now()): Promise<void> {
      let names: string[];
      try {
        // The data folder is decided at run time; without this, the build traces the whole project.
        names = await fs.readdir(/* turbopackIgnore: true */ root);
      } catch {
        return;
      }
      for (const name of names) {
        if (!name.endsWith('.json')) continue;
        const id = name.slice(0, -'.json'.length);
        const batch = await readBatch(id).catch(() => null);
        if (!batch) continue;
        const age = now - Date.parse(batch.createdAt);
        const claimed = await claimedJob(id);
        if (age > (claimed ? 7 * DAY_MS : DAY_MS)) {
          await fs.rm(batchDir(id), { recursive: true, force: true });
          await fs.rm(jobMarker(id), { force: true });
          await fs.rm(metaFile(id), { force: true });
        }
      }
      for (const name of await fs
        .readdir(/* turbopackIgnore: true */ partialDir)
        .catch(() => [] as string[])) {
        const file = path.join(partialDir, name);
        const stats = await fs.stat(file).catch(() => null);
        if (stats && now - stats.mtimeMs > DAY_MS) await fs.rm(file, { force: true });
      }
    },
  };
}

export type UploadStore = ReturnType<typeof createUploadStore>;

/**
 * Counts bytes as they pass and fails the stream once more than `allowed` arrive: the file limit
 * for a whole file, the rest of the declared size for a piece (reported against `maxBytes`).
 */
function byteLimit(allowed: number, maxBytes = allowed) {
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes <= allowed) return callback(null, chunk);
      callback(
        allowed < maxBytes
          ? new UploadError(400, 'too_long', 'This piece runs past the file size declared for it.')
          : tooLarge(maxBytes),
      );
    },
  });
  return { stream, bytes: () => bytes };
}

function tooLarge(maxBytes: number): UploadError {
  return new UploadError(413, 'too_large', `The file is larger than the ${formatBytes(maxBytes)} limit.`);
}

function alreadyIngesting(): UploadError {
  return new UploadError(
    409,
    'already_ingesting',
    'This upload is already being ingested; start a new upload to add files.',
  );
}

function describeWriteError(error: unknown, relativePath: string): unknown {
  if (error instanceof UploadError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  // A file where a folder is needed, or the other way round: "a" uploaded, then "a/b".
  if (code === 'ENOTDIR' || code === 'EISDIR' || code === 'EEXIST') {
    return new UploadError(
      409,
      'path_conflict',
      `"${relativePath}" clashes with a file or folder of the same name already in this upload.`,
    );
  }
  return error;
}
