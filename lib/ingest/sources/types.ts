import type { Readable } from 'node:stream';

/** Narrows what a source lists; S3 turns these into key prefixes, local sources filter paths. */
export interface SourceFilters {
  accounts?: string[];
  regions?: string[];
  /** Inclusive UTC day range, from the delivery date in the S3 layout path. */
  from?: Date;
  to?: Date;
}

/** One file to ingest, whatever it came from. */
export interface SourceFile {
  /** Relative path or S3 key, as shown to users and stored in the manifest. */
  path: string;
  size: number | null;
  /**
   * Content identity when the source knows it without reading (S3: `etag:<etag>:<size>`);
   * otherwise the pipeline hashes the bytes as it reads them (`sha256:<hex>`).
   */
  fingerprint?: string;
  /** The raw bytes as delivered (still gzipped when the file is). */
  open(): Promise<Readable>;
  /**
   * The whole file at once, where the source has a faster way than streaming it (local files:
   * one readFile is one thread-pool job, a stream a round trip per step).
   */
  read?(): Promise<Buffer>;
}

export interface IngestSource {
  kind: 'path' | 'upload' | 's3';
  /** How the job names its source, e.g. an absolute folder path or `s3://bucket/prefix`. */
  description: string;
  list(filters: SourceFilters): AsyncIterable<SourceFile>;
}
