import Link from 'next/link';
import { Badge } from '@/components/ui/Badge';
import { Card, CardHeader } from '@/components/ui/Card';
import type { DigestCheckSummary } from '@/lib/queries/ingest/get-digest-checks';
import { DigestChecksTable } from './DigestChecksTable';
import { formatCount, plural } from './job-display';

/**
 * The integrity verdict of a job. By default only the problems are listed (a clean month of trail
 * has thousands of matching files); `?digests=all` lists the matches too.
 */
export function DigestChecksSection({
  summary,
  showAll,
  active,
  allHref,
  problemsHref,
}: {
  summary: DigestCheckSummary;
  showAll: boolean;
  active: boolean;
  allHref: string;
  problemsHref: string;
}) {
  const { counts, rows } = summary;
  const total = counts.ok + counts.mismatch + counts.missing;
  const listed = showAll ? total : counts.mismatch + counts.missing;
  const link = 'font-medium text-accent hover:underline';
  return (
    <Card aria-labelledby="digests-heading">
      <CardHeader
        id="digests-heading"
        title="Digest checks"
        description="CloudTrail's hourly digest files list a SHA-256 for every log file delivered; each one found in the source is checked against the file itself."
        actions={
          total > 0 ? (
            <>
              <Badge tone="success">{formatCount(counts.ok)} match</Badge>
              <Badge tone={counts.mismatch > 0 ? 'danger' : 'neutral'}>
                {formatCount(counts.mismatch)} mismatch
              </Badge>
              <Badge>{formatCount(counts.missing)} not in source</Badge>
            </>
          ) : null
        }
      />
      {counts.mismatch > 0 ? (
        <p role="alert" className="border-b border-danger/30 bg-danger-soft px-5 py-3 text-sm text-danger">
          {plural(counts.mismatch, 'file differs', 'files differ')} from what CloudTrail delivered: changed
          after delivery, or not from this trail. Treat the events in {counts.mismatch === 1 ? 'it' : 'them'}{' '}
          as untrusted.
        </p>
      ) : null}
      {rows.length > 0 ? <DigestChecksTable checks={rows} /> : null}
      <p className="px-5 py-4 text-center text-sm text-muted">
        {total === 0 ? (
          active ? (
            'Digests are checked once every file is loaded.'
          ) : (
            'No digest files were in this source, so nothing could be verified. Include the CloudTrail-Digest/ folders to check that the logs were not changed.'
          )
        ) : showAll ? (
          <>
            {listed > rows.length
              ? `Showing the first ${formatCount(rows.length)} of ${formatCount(listed)}. `
              : null}
            <Link href={problemsHref} className={link}>
              Show problems only
            </Link>
          </>
        ) : (
          <>
            {counts.ok > 0
              ? `${plural(counts.ok, 'file matches its digest', 'files match their digests')} exactly. `
              : null}
            <Link href={allHref} className={link}>
              List every check
            </Link>
          </>
        )}
      </p>
    </Card>
  );
}
