import Link from 'next/link';
import { Badge, type BadgeTone } from '@/components/ui/Badge';
import { cx } from '@/components/ui/cx';
import { TABLE, THEAD_ROW } from '@/components/ui/table-classes';
import type { FileStatus, IngestFileRow } from '@/lib/queries/ingest/types';
import { formatBytes } from '@/lib/uploads/format-bytes';
import { formatCount } from './job-display';

const FILE_STATUS: Record<FileStatus, { label: string; tone: BadgeTone }> = {
  pending: { label: 'Pending', tone: 'neutral' },
  running: { label: 'Loading', tone: 'accent' },
  done: { label: 'Loaded', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
  skipped: { label: 'Already loaded', tone: 'neutral' },
};

const KIND_LABELS: Record<string, string> = {
  trail: 'Trail log',
  'lookup-events': 'LookupEvents',
  'json-array': 'JSON array',
  'json-lines': 'JSON lines',
  digest: 'Digest',
  record: 'Single record',
  empty: 'Empty',
};

const NUM = 'px-3 py-2.5 text-right tabular-nums whitespace-nowrap';

/**
 * One page of a job's manifest. Paths, kinds and errors come from the files: text only.
 * Failed rows are tinted so they stand out in a long list.
 */
export function IngestFilesTable({ files }: { files: IngestFileRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className={TABLE}>
        <thead>
          <tr className={THEAD_ROW}>
            <th scope="col" className="py-2.5 pr-3 pl-5 font-medium">
              File
            </th>
            <th scope="col" className="px-3 py-2.5 font-medium">
              Kind
            </th>
            <th scope="col" className="px-3 py-2.5 font-medium">
              Status
            </th>
            <th scope="col" className="px-3 py-2.5 text-right font-medium">
              Inserted
            </th>
            <th scope="col" className="px-3 py-2.5 text-right font-medium">
              Duplicate
            </th>
            <th scope="col" className="py-2.5 pr-5 pl-3 text-right font-medium">
              Rejected
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {files.map((file) => {
            const status = FILE_STATUS[file.status];
            return (
              <tr key={file.id} className={cx('align-top', file.status === 'failed' && 'bg-danger-soft/40')}>
                <th scope="row" className="max-w-xl py-2.5 pr-3 pl-5 text-left font-normal">
                  <span className="block font-mono text-[13px] leading-5 [overflow-wrap:anywhere]">
                    <span className="text-muted">{file.path.slice(0, file.path.lastIndexOf('/') + 1)}</span>
                    <span className="text-fg">{file.path.slice(file.path.lastIndexOf('/') + 1)}</span>
                  </span>
                  {file.size !== null ? (
                    <span className="text-xs text-subtle">{formatBytes(file.size)}</span>
                  ) : null}
                  {file.error ? (
                    <span
                      className={cx(
                        'mt-1 block text-[13px] leading-5 [overflow-wrap:anywhere]',
                        file.status === 'failed' ? 'text-danger' : 'text-muted',
                      )}
                    >
                      {file.error}
                    </span>
                  ) : null}
                </th>
                <td className="px-3 py-2.5 whitespace-nowrap text-muted">
                  {file.kind ? (KIND_LABELS[file.kind] ?? file.kind) : '—'}
                </td>
                <td className="px-3 py-2.5">
                  <Badge tone={status.tone}>{status.label}</Badge>
                </td>
                <td className={NUM}>{formatCount(file.eventsInserted)}</td>
                <td className={NUM}>{formatCount(file.eventsDuplicate)}</td>
                <td className={cx(NUM, 'pr-5', file.eventsRejected > 0 && 'font-medium text-danger')}>
                  {formatCount(file.eventsRejected)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Status filters for the manifest, as links, so a filtered view is a URL like any other. */
export function FileStatusTabs({
  counts,
  active,
  hrefFor,
}: {
  counts: Record<FileStatus, number>;
  active: FileStatus | undefined;
  hrefFor: (status: FileStatus | undefined) => string;
}) {
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const tabs: { status: FileStatus | undefined; label: string; count: number }[] = [
    { status: undefined, label: 'All', count: total },
    { status: 'failed', label: 'Failed', count: counts.failed },
    { status: 'done', label: 'Loaded', count: counts.done },
    { status: 'skipped', label: 'Already loaded', count: counts.skipped },
    ...(counts.running + counts.pending > 0
      ? [{ status: 'running' as const, label: 'Loading', count: counts.running }]
      : []),
  ];
  return (
    <nav aria-label="Filter files by status" className="flex flex-wrap gap-1.5">
      {tabs.map((tab) => {
        const current = tab.status === active;
        return (
          <Link
            key={tab.label}
            href={hrefFor(tab.status)}
            aria-current={current ? 'page' : undefined}
            className={cx(
              'inline-flex items-center gap-1.5 rounded-lg px-2.5 py-1 text-[13px] font-medium',
              current
                ? 'bg-accent-soft text-accent-soft-fg'
                : 'text-muted hover:bg-surface-hover hover:text-fg',
            )}
          >
            {tab.label}
            <span className={cx('tabular-nums', tab.status === 'failed' && tab.count > 0 && 'text-danger')}>
              {formatCount(tab.count)}
            </span>
          </Link>
        );
      })}
    </nav>
  );
}
