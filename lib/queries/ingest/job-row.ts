import { Prisma } from '@/lib/generated/prisma/client';
import type { IngestJobRow, JobFilters, JobStatus, SourceKind } from './types';

// The one job projection that the list, the detail page and the status route share.
export const JOB_COLUMNS = Prisma.sql`
  j.id::text AS id, j.source, j.source_kind, j.status, j.options, u.email AS created_by_email,
  j.created_at, j.started_at, j.finished_at, j.files_total, j.files_done, j.files_failed, j.files_skipped,
  j.bytes_total, j.bytes_done, j.events_inserted, j.events_duplicate, j.events_rejected,
  j.digest_mismatches, j.error`;

export const JOB_FROM = Prisma.sql`ingest_job j LEFT JOIN app_user u ON u.id = j.created_by`;

export interface RawJobRow {
  id: string;
  source: string;
  source_kind: string;
  status: string;
  options: unknown;
  created_by_email: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  files_total: number;
  files_done: number;
  files_failed: number;
  files_skipped: number;
  bytes_total: bigint;
  bytes_done: bigint;
  events_inserted: bigint;
  events_duplicate: bigint;
  events_rejected: bigint;
  digest_mismatches: number;
  error: string | null;
}

export function toJobRow(row: RawJobRow): IngestJobRow {
  return {
    id: row.id,
    source: row.source,
    sourceKind: row.source_kind as SourceKind,
    status: row.status as JobStatus,
    filters: toFilters(row.options),
    createdByEmail: row.created_by_email,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    filesTotal: row.files_total,
    filesDone: row.files_done,
    filesFailed: row.files_failed,
    filesSkipped: row.files_skipped,
    bytesTotal: Number(row.bytes_total),
    bytesDone: Number(row.bytes_done),
    eventsInserted: Number(row.events_inserted),
    eventsDuplicate: Number(row.events_duplicate),
    eventsRejected: Number(row.events_rejected),
    digestMismatches: row.digest_mismatches,
    error: row.error,
  };
}

/** options is what createIngestJob stored: the source filters, dates as ISO strings. */
function toFilters(options: unknown): JobFilters {
  const value = (options ?? {}) as Record<string, unknown>;
  const list = (v: unknown) =>
    Array.isArray(v) && v.length ? v.filter((item): item is string => typeof item === 'string') : undefined;
  const day = (v: unknown) => (typeof v === 'string' ? v.slice(0, 10) : undefined);
  return {
    accounts: list(value.accounts),
    regions: list(value.regions),
    from: day(value.from),
    to: day(value.to),
  };
}
