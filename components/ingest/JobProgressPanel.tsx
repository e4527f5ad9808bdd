'use client';

import Link from 'next/link';
import { Alert } from '@/components/ui/Alert';
import { Badge } from '@/components/ui/Badge';
import { buttonClasses } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import type { IngestJobSnapshot } from '@/lib/ingest-runner/job-snapshot';
import type { IngestJobRow } from '@/lib/queries/ingest/types';
import { formatBytes } from '@/lib/uploads/format-bytes';
import { FileErrorList } from './FileErrorList';
import { JobStat } from './JobStat';
import { JobStatusBadge } from './JobStatusBadge';
import {
  type DisplayStatus,
  displayStatus,
  formatCount,
  formatDuration,
  formatRate,
  jobDurationMs,
  plural,
  progressPercent,
  SOURCE_KIND_LABELS,
} from './job-display';
import { ProgressBar } from './ProgressBar';
import { useJobSnapshot } from './use-job-snapshot';

/** One job's live progress and, once it ends, its summary: counts, rate and every failed file. */
export function JobProgressPanel({
  initial,
  dismissHref,
  showDetailsLink = true,
  title,
}: {
  initial: IngestJobSnapshot;
  /** Defaults to "Job #<id>"; the job's own page, whose title already names it, says "Progress". */
  title?: string;
  /** Where the close button leads (the Ingest page without ?job=); no button when absent. */
  dismissHref?: string;
  showDetailsLink?: boolean;
}) {
  const { snapshot, problem, active, eventsPerSecond } = useJobSnapshot(initial);
  const { job, phase, errors, errorsTotal } = snapshot;
  const status = displayStatus(job.status, phase);
  const percent = progressPercent(job);
  const headingId = `job-${job.id}-heading`;

  return (
    <Card aria-labelledby={headingId} className="overflow-hidden">
      <header className="flex items-start justify-between gap-4 border-b border-line px-5 py-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id={headingId} className="text-[15px] font-semibold text-fg">
              {title ?? `Job #${job.id}`}
            </h2>
            <JobStatusBadge status={status} />
            {job.filesFailed > 0 ? (
              <Badge tone="danger">{plural(job.filesFailed, 'failed file')}</Badge>
            ) : null}
            {job.digestMismatches > 0 ? (
              <Badge tone="danger">
                {plural(job.digestMismatches, 'digest mismatch', 'digest mismatches')}
              </Badge>
            ) : null}
          </div>
          {title ? null : (
            <p className="mt-0.5 truncate text-sm text-muted">
              {SOURCE_KIND_LABELS[job.sourceKind]} ·{' '}
              <span className="font-mono text-[13px]" title={job.source}>
                {job.source}
              </span>
            </p>
          )}
        </div>
        <div className="flex shrink-0 items-center gap-2">
          {showDetailsLink ? (
            <Link href={`/ingest/jobs/${job.id}`} className={buttonClasses('secondary', 'sm')}>
              View details
            </Link>
          ) : null}
          {dismissHref ? (
            <Link
              href={dismissHref}
              aria-label={`Close job #${job.id}`}
              className={buttonClasses('ghost', 'sm', 'w-8 px-0')}
            >
              <svg
                viewBox="0 0 16 16"
                aria-hidden="true"
                className="size-4"
                fill="none"
                stroke="currentColor"
              >
                <path d="m4 4 8 8M12 4l-8 8" strokeWidth={1.6} strokeLinecap="round" />
              </svg>
            </Link>
          ) : null}
        </div>
      </header>

      <div className="space-y-5 px-5 py-5">
        <div>
          <div className="mb-2 flex items-baseline justify-between gap-4 text-sm">
            <span className="text-muted" aria-live="polite">
              {caption(job, status)}
            </span>
            <span className="font-semibold tabular-nums text-fg">{percent}%</span>
          </div>
          <ProgressBar
            value={percent}
            label={`Job #${job.id} progress`}
            tone={job.status === 'failed' ? 'danger' : job.status === 'done' ? 'success' : 'accent'}
          />
        </div>

        {/* The files figure ("12,345 / 12,345") needs more room than the others. */}
        <dl className="grid grid-cols-2 gap-px overflow-hidden rounded-lg border border-line bg-line sm:grid-cols-3 lg:grid-cols-[1.5fr_repeat(5,minmax(0,1fr))]">
          <JobStat
            name="files"
            label="Files"
            value={`${formatCount(job.filesDone + job.filesFailed)} / ${formatCount(job.filesTotal)}`}
            detail={
              <>
                <span className={job.filesFailed > 0 ? 'font-medium text-danger' : undefined}>
                  {formatCount(job.filesFailed)} failed
                </span>
                {` · ${formatCount(job.filesSkipped)} already loaded`}
              </>
            }
          />
          <JobStat
            name="rate"
            label="Events/s"
            value={eventsPerSecond === null ? '—' : formatRate(eventsPerSecond)}
            detail={active ? 'current rate' : 'average'}
          />
          <JobStat
            name="inserted"
            label="Inserted"
            value={formatCount(job.eventsInserted)}
            detail="new events"
            tone={job.eventsInserted > 0 ? 'success' : undefined}
          />
          <JobStat
            name="duplicate"
            label="Duplicate"
            value={formatCount(job.eventsDuplicate)}
            detail="already stored"
          />
          <JobStat
            name="rejected"
            label="Rejected"
            value={formatCount(job.eventsRejected)}
            detail="invalid records"
            tone={job.eventsRejected > 0 ? 'danger' : undefined}
          />
          <JobStat
            name="digest-mismatches"
            label="Digest check"
            value={formatCount(job.digestMismatches)}
            detail={
              job.status === 'done'
                ? job.digestMismatches === 1
                  ? 'mismatch'
                  : 'mismatches'
                : 'runs at the end'
            }
            tone={job.digestMismatches > 0 ? 'danger' : undefined}
          />
        </dl>

        {problem ? <Alert tone="info">{problem}</Alert> : null}
        {job.status === 'done' && job.filesTotal === 0 ? (
          <Alert tone="info">
            No files matched. Check the location, and that the account, region and day filters fit the trail.
          </Alert>
        ) : null}
        {job.error ? <Alert tone={job.status === 'failed' ? 'error' : 'info'}>{job.error}</Alert> : null}
        <FileErrorList jobId={job.id} errors={errors} total={errorsTotal} />
      </div>
    </Card>
  );
}

function caption(job: IngestJobRow, status: DisplayStatus): string {
  const files = `${formatCount(job.filesDone + job.filesFailed)} of ${plural(job.filesTotal, 'file')}`;
  const duration = jobDurationMs(job);
  switch (status) {
    case 'queued':
      return 'Queued: waiting for a running job to finish.';
    case 'running':
      if (job.filesTotal === 0) return 'Listing files…';
      // bytes_done moves with the job's heartbeat, every few seconds; until then it would read 0.
      return job.bytesTotal > 0 && job.bytesDone > 0
        ? `${files} · ${formatBytes(job.bytesDone)} of ${formatBytes(job.bytesTotal)}`
        : files;
    case 'analysing':
      return `${files} loaded. Running detections on the new events…`;
    case 'done':
      return `Finished${duration === null ? '' : ` in ${formatDuration(duration)}`} · ${files}`;
    case 'failed':
      return `Stopped${duration === null ? '' : ` after ${formatDuration(duration)}`} · ${files}`;
    case 'cancelled':
      return `Cancelled · ${files}`;
  }
}
