// Plain, JSON-safe shapes (strings for times, numbers for counts) so the same rows feed server
// components, client components and the job-status route without conversion.

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const FILE_STATUSES = ['pending', 'running', 'done', 'failed', 'skipped'] as const;
export type FileStatus = (typeof FILE_STATUSES)[number];

export type SourceKind = 'path' | 'upload' | 's3';

export interface JobFilters {
  accounts?: string[];
  regions?: string[];
  from?: string;
  to?: string;
}

export interface IngestJobRow {
  id: string;
  source: string;
  sourceKind: SourceKind;
  status: JobStatus;
  filters: JobFilters;
  createdByEmail: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  filesTotal: number;
  filesDone: number;
  filesFailed: number;
  filesSkipped: number;
  bytesTotal: number;
  bytesDone: number;
  eventsInserted: number;
  eventsDuplicate: number;
  eventsRejected: number;
  digestMismatches: number;
  error: string | null;
}

export interface IngestFileError {
  path: string;
  message: string;
}

export interface IngestFileRow {
  id: string;
  path: string;
  size: number | null;
  kind: string | null;
  status: FileStatus;
  eventsInserted: number;
  eventsDuplicate: number;
  eventsRejected: number;
  error: string | null;
}

export interface DigestCheckRow {
  id: string;
  accountId: string;
  digestPath: string;
  subjectPath: string;
  kind: string;
  expectedHash: string | null;
  actualHash: string | null;
  status: 'ok' | 'mismatch' | 'missing';
}

/** Job ids are bigserial; anything else in a URL is simply not a job. */
export function parseJobId(value: string | undefined | null): bigint | null {
  return value && /^[1-9]\d{0,17}$/.test(value) ? BigInt(value) : null;
}
