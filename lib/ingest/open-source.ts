import { createPathSource } from './sources/path-source';
import { createS3Source } from './sources/s3-source';
import type { IngestSource } from './sources/types';

/** `s3://bucket/prefix` reads S3 (or an S3-compatible store); anything else is a local path. */
export function openIngestSource(target: string, options: { endpoint?: string } = {}): IngestSource {
  if (target.startsWith('s3://')) {
    return createS3Source(target, { endpoint: options.endpoint ?? process.env.TRAILHOUND_S3_ENDPOINT });
  }
  return createPathSource(target);
}
