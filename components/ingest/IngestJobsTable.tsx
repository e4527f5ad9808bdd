import Link from 'next/link';
import { Badge } from '@/components/ui/Badge';
import { TABLE, THEAD_ROW } from '@/components/ui/table-classes';
import { formatUtcDate, formatUtcTime } from '@/lib/format';
import type { IngestJobRow } from '@/lib/queries/ingest/types';
import { JobStatusBadge } from './JobStatusBadge';
import {
  displayStatus,
  formatCount,
  formatDuration,
  jobDurationMs,
  progressPercent,
  SOURCE_KIND_LABELS,
} from './job-display';
import { ProgressBar } from './ProgressBar';

const TH = 'px-3 py-2.5 font-medium';

/** Every job, newest first: where it read from, how it went, and a link to its manifest. */
export function IngestJobsTable({
  jobs,
  phases = {},
  now,
}: {
  jobs: IngestJobRow[];
  /** What this process is doing with its jobs (runnerPhase), by job id. */
  phases?: Record<string, string | null>;
  now: number;
}) {
  return (
    <div className="overflow-x-auto">
      <table className={TABLE}>
        <thead>
          <tr className={THEAD_ROW}>
            <th scope="col" className="py-2.5 pr-3 pl-5 font-medium">
              Job
            </th>
            <th scope="col" className={TH}>
              Status
            </th>
            <th scope="col" className={`${TH} text-right`}>
              Files
            </th>
            <th scope="col" className={`${TH} text-right`}>
              Events
            </th>
            <th scope="col" className={TH}>
              Started
            </th>
            <th scope="col" className={`py-2.5 pr-5 pl-3 text-right font-medium`}>
              Duration
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {jobs.map((job) => {
            const status = displayStatus(job.status, phases[job.id]);
            const duration = jobDurationMs(job, now);
            return (
              <tr key={job.id} className="align-top hover:bg-surface-hover/40">
                <th scope="row" className="max-w-md py-3 pr-3 pl-5 text-left font-normal">
                  <Link
                    href={`/ingest/jobs/${job.id}`}
                    className="font-medium text-fg hover:text-accent hover:underline"
                  >
                    Job #{job.id}
                  </Link>
                  <span className="mt-0.5 flex min-w-0 items-center gap-1.5">
                    <Badge className="shrink-0">{SOURCE_KIND_LABELS[job.sourceKind]}</Badge>
                    <span className="truncate font-mono text-[13px] text-muted" title={job.source}>
                      {job.source}
                    </span>
                  </span>
                  {job.createdByEmail ? (
                    <span className="mt-0.5 block truncate text-xs text-subtle">by {job.createdByEmail}</span>
                  ) : (
                    <span className="mt-0.5 block text-xs text-subtle">from the command line</span>
                  )}
                </th>
                <td className="px-3 py-3">
                  <div className="flex flex-col items-start gap-1.5">
                    <JobStatusBadge status={status} />
                    {status === 'running' ? (
                      <ProgressBar
                        value={progressPercent(job)}
                        size="sm"
                        label={`Job #${job.id} progress`}
                        className="w-24"
                      />
                    ) : null}
                    {job.digestMismatches > 0 ? (
                      <span className="text-xs font-medium text-danger">
                        {formatCount(job.digestMismatches)} digest mismatch
                        {job.digestMismatches === 1 ? '' : 'es'}
                      </span>
                    ) : null}
                  </div>
                </td>
                <td className="px-3 py-3 text-right whitespace-nowrap tabular-nums">
                  <span className="text-fg">
                    {formatCount(job.filesDone + job.filesFailed)} / {formatCount(job.filesTotal)}
                  </span>
                  {job.filesFailed > 0 ? (
                    <span className="block text-xs font-medium text-danger">
                      {formatCount(job.filesFailed)} failed
                    </span>
                  ) : job.filesSkipped > 0 ? (
                    <span className="block text-xs text-muted">
                      {formatCount(job.filesSkipped)} already loaded
                    </span>
                  ) : null}
                </td>
                <td className="px-3 py-3 text-right whitespace-nowrap tabular-nums">
                  <span className="text-fg">{formatCount(job.eventsInserted)}</span>
                  <span className="block text-xs text-muted">
                    {formatCount(job.eventsDuplicate)} dup · {formatCount(job.eventsRejected)} rejected
                  </span>
                </td>
                <td className="px-3 py-3 whitespace-nowrap">
                  <time dateTime={job.createdAt} className="block leading-5">
                    <span className="block text-fg">{formatUtcDate(job.createdAt)}</span>
                    <span className="block text-[13px] text-muted">{formatUtcTime(job.createdAt)}</span>
                  </time>
                </td>
                <td className="py-3 pr-5 pl-3 text-right whitespace-nowrap tabular-nums text-muted">
                  {duration === null ? '—' : formatDuration(duration)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
