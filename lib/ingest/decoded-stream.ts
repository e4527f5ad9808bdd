import { createHash } from 'node:crypto';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';

export interface DecodeLimits {
  /** Refuse to inflate past this many bytes: the gzip-bomb guard. */
  maxDecompressedBytes: number;
  /** Beyond 100 MB, refuse ratios above this (real trail files compress ~10–30:1). */
  maxCompressionRatio: number;
}

export const DEFAULT_DECODE_LIMITS: DecodeLimits = {
  maxDecompressedBytes: Number(process.env.TRAILHOUND_MAX_DECOMPRESSED_BYTES) || 4 * 1024 ** 3,
  maxCompressionRatio: 1000,
};

const RATIO_CHECK_AFTER = 100 * 1024 ** 2;

export class DecodeLimitError extends Error {
  override name = 'DecodeLimitError';
}

/** Counts the delivered bytes (before inflating) for progress and the ratio check. */
export class ByteCounter extends Transform {
  bytes = 0;
  constructor(private readonly onBytes: (delta: number) => void = () => {}) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    this.onBytes(chunk.length);
    callback(null, chunk);
  }
}

/**
 * Hashes the content as CloudTrail's digests do (SHA-256 of the uncompressed file) and stops a
 * file that inflates beyond the limits.
 */
export class ContentGuard extends Transform {
  bytes = 0;
  private readonly hash = createHash('sha256');

  constructor(
    private readonly limits: DecodeLimits,
    private readonly delivered: ByteCounter,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    const problem = this.limitProblem();
    if (problem) {
      callback(problem);
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }

  private limitProblem(): DecodeLimitError | null {
    if (this.bytes > this.limits.maxDecompressedBytes) {
      return new DecodeLimitError(
        `decompressed size exceeds the limit of ${this.limits.maxDecompressedBytes} bytes (possible gzip bomb); ` +
          'raise TRAILHOUND_MAX_DECOMPRESSED_BYTES if the file is genuine',
      );
    }
    if (
      this.bytes > RATIO_CHECK_AFTER &&
      this.bytes > this.delivered.bytes * this.limits.maxCompressionRatio
    ) {
      return new DecodeLimitError(
        `compression ratio above ${this.limits.maxCompressionRatio}:1 (possible gzip bomb); the file was not read further`,
      );
    }
    return null;
  }

  sha256(): string {
    return this.hash.digest('hex');
  }
}

const GZIP_MAGIC_1 = 0x1f;
const GZIP_MAGIC_2 = 0x8b;

/** Tells gzip from plain content by its first bytes, not by its name. */
export function hasGzipMagic(head: Buffer): boolean {
  return head.length >= 2 && head[0] === GZIP_MAGIC_1 && head[1] === GZIP_MAGIC_2;
}

export async function isGzipped(stream: Readable): Promise<boolean> {
  const head = await peek(stream);
  return head !== null && hasGzipMagic(head);
}

export function gunzip(): Transform {
  return createGunzip({ chunkSize: 256 * 1024 });
}

/** Reads the first chunk and puts it back, so the stream can still be consumed from the start. */
function peek(stream: Readable): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      stream.off('readable', onReadable);
      stream.off('end', onEnd);
      stream.off('error', onError);
    };
    const onReadable = () => {
      const chunk = stream.read() as Buffer | null;
      if (chunk === null) return;
      cleanup();
      stream.unshift(chunk);
      resolve(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(null);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    stream.on('readable', onReadable);
    stream.once('end', onEnd);
    stream.once('error', onError);
  });
}
