import type { BadgeTone } from '@/components/ui/Badge';
import type { IngestJobRow, JobStatus, SourceKind } from '@/lib/queries/ingest/types';

// Pure presentation helpers shared by the server-rendered list and the client progress panel.

export type DisplayStatus = JobStatus | 'analysing';

export const STATUS_LABELS: Record<DisplayStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  analysing: 'Analysing',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export const STATUS_TONES: Record<DisplayStatus, BadgeTone> = {
  queued: 'neutral',
  running: 'accent',
  analysing: 'accent',
  done: 'success',
  failed: 'danger',
  cancelled: 'neutral',
};

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  upload: 'Upload',
  s3: 'S3',
  path: 'Server path',
};

/**
 * What to call a job's state. runIngestJob marks a job running only once its source is listed,
 * and listing a large bucket takes a while: the runner's phase says the work has started.
 */
export function displayStatus(status: JobStatus, phase?: string | null): DisplayStatus {
  if (phase === 'analysing') return 'analysing';
  if (phase === 'loading' && status === 'queued') return 'running';
  return status;
}

export function isJobActive(status: JobStatus, phase?: string | null): boolean {
  return status === 'queued' || status === 'running' || phase === 'analysing';
}

/**
 * Bytes move smoothly within a large file (the heartbeat records them), files only as each one
 * ends, so bytes drive the bar when the source knows its sizes. A finished job is always full.
 */
export function progressPercent(job: IngestJobRow): number {
  if (job.status === 'done') return 100;
  const filesProcessed = job.filesDone + job.filesFailed;
  const byFiles = job.filesTotal > 0 ? filesProcessed / job.filesTotal : 0;
  const byBytes = job.bytesTotal > 0 ? job.bytesDone / job.bytesTotal : 0;
  const fraction = Math.max(byFiles, byBytes);
  // 100% only once the job says it is done: digests and the summary still follow the last file.
  return Math.min(99, Math.floor(fraction * 100));
}

export function totalEvents(job: IngestJobRow): number {
  return job.eventsInserted + job.eventsDuplicate + job.eventsRejected;
}

/** Wall time from start to finish (or to `now` while running); null before the job starts. */
export function jobDurationMs(job: IngestJobRow, now = Date.now()): number | null {
  if (!job.startedAt) return null;
  const end = job.finishedAt ? Date.parse(job.finishedAt) : now;
  return Math.max(0, end - Date.parse(job.startedAt));
}

const COUNT = new Intl.NumberFormat('en-US');
export const formatCount = (value: number) => COUNT.format(value);

const RATE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export const formatRate = (value: number) => RATE.format(value);

/** "850 ms", "4.2 s", "3 min 05 s", "2 h 04 min". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1).replace(/\.0$/, '')} s`;
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min ${String(whole % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

export const plural = (count: number, one: string, many = `${one}s`) =>
  `${formatCount(count)} ${count === 1 ? one : many}`;
