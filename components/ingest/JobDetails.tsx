import type { ReactNode } from 'react';
import { formatUtc } from '@/lib/format';
import type { IngestJobRow } from '@/lib/queries/ingest/types';
import { formatBytes } from '@/lib/uploads/format-bytes';
import { formatDuration, jobDurationMs, SOURCE_KIND_LABELS } from './job-display';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_minmax(0,1fr)] gap-3 px-5 py-2.5">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="text-sm [overflow-wrap:anywhere] text-fg">{children}</dd>
    </div>
  );
}

const none = <span className="text-subtle">—</span>;

/** Where a job read from, who started it, with which filters, and when. */
export function JobDetails({ job, now }: { job: IngestJobRow; now: number }) {
  const duration = jobDurationMs(job, now);
  const { accounts, regions, from, to } = job.filters;
  return (
    <dl className="divide-y divide-line">
      <Row label="Source">
        <span className="font-mono text-[13px]">{job.source}</span>
        <span className="ml-2 text-muted">({SOURCE_KIND_LABELS[job.sourceKind]})</span>
      </Row>
      <Row label="Started by">{job.createdByEmail ?? 'the command line'}</Row>
      <Row label="Accounts">{accounts?.length ? accounts.join(', ') : 'All'}</Row>
      <Row label="Regions">{regions?.length ? regions.join(', ') : 'All'}</Row>
      <Row label="Delivery days">
        {from || to ? `${from ?? 'the beginning'} to ${to ?? 'today'} (UTC)` : 'All'}
      </Row>
      <Row label="Created">{formatUtc(job.createdAt)}</Row>
      <Row label="Started">{job.startedAt ? formatUtc(job.startedAt) : none}</Row>
      <Row label="Finished">{job.finishedAt ? formatUtc(job.finishedAt) : none}</Row>
      <Row label="Duration">{duration === null ? none : formatDuration(duration)}</Row>
      <Row label="Data read">
        {job.bytesTotal > 0 ? `${formatBytes(job.bytesDone)} of ${formatBytes(job.bytesTotal)}` : none}
      </Row>
    </dl>
  );
}
