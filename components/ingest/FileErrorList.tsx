import Link from 'next/link';
import type { IngestFileError } from '@/lib/queries/ingest/types';
import { formatCount, plural } from './job-display';

/**
 * The files a job could not load, each with its reason. Paths and messages come from the files
 * themselves (attacker-controlled), so they are only ever rendered as text.
 */
export function FileErrorList({
  jobId,
  errors,
  total,
}: {
  jobId: string;
  errors: IngestFileError[];
  total: number;
}) {
  if (total === 0) return null;
  return (
    <section aria-labelledby={`job-${jobId}-errors`} className="space-y-2">
      <h3 id={`job-${jobId}-errors`} className="text-sm font-semibold text-danger">
        {plural(total, 'file')} could not be loaded
      </h3>
      <ul className="divide-y divide-danger/15 overflow-hidden rounded-lg border border-danger/30 bg-danger-soft/40">
        {errors.map((error, index) => (
          // Paths repeat across retries of the same name; the index keeps keys unique.
          // biome-ignore lint/suspicious/noArrayIndexKey: rows never reorder while shown
          <li key={index} className="px-3.5 py-2.5">
            <p className="font-mono text-[13px] leading-5 [overflow-wrap:anywhere] text-fg">{error.path}</p>
            <p className="mt-0.5 text-[13px] leading-5 [overflow-wrap:anywhere] text-danger">
              {error.message}
            </p>
          </li>
        ))}
      </ul>
      {total > errors.length ? (
        <p className="text-[13px] text-muted">
          Showing the first {formatCount(errors.length)}.{' '}
          <Link
            href={`/ingest/jobs/${jobId}?status=failed`}
            className="font-medium text-accent hover:underline"
          >
            See all {formatCount(total)} failed files
          </Link>
        </p>
      ) : null}
    </section>
  );
}
