import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { DigestChecksSection } from '@/components/ingest/DigestChecksSection';
import { FileStatusTabs, IngestFilesTable } from '@/components/ingest/IngestFilesTable';
import { JobDetails } from '@/components/ingest/JobDetails';
import { JobProgressPanel } from '@/components/ingest/JobProgressPanel';
import { formatCount, isJobActive, SOURCE_KIND_LABELS } from '@/components/ingest/job-display';
import { RefreshWhileActive } from '@/components/ingest/RefreshWhileActive';
import { RejectsTable } from '@/components/ingest/RejectsTable';
import { buttonClasses } from '@/components/ui/Button';
import { Card, CardHeader } from '@/components/ui/Card';
import { PageHeader } from '@/components/ui/PageHeader';
import { requirePageSession } from '@/lib/auth/guards';
import { loadJobSnapshot } from '@/lib/ingest-runner/job-snapshot';
import { getDigestChecks } from '@/lib/queries/ingest/get-digest-checks';
import { getIngestFileCounts } from '@/lib/queries/ingest/get-ingest-file-counts';
import { FILES_PAGE_SIZE, getIngestFiles } from '@/lib/queries/ingest/get-ingest-files';
import { getIngestRejects } from '@/lib/queries/ingest/get-ingest-rejects';
import { FILE_STATUSES, parseJobId } from '@/lib/queries/ingest/types';

type Params = Promise<{ jobId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Ingest job #${(await params).jobId}` };
}

// Bad values fall back to the unfiltered first page rather than an error: old links keep working.
const searchParamsSchema = z.object({
  status: z.enum(FILE_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  digests: z.literal('all').optional().catch(undefined),
});

export default async function IngestJobPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageSession();
  const jobId = parseJobId((await params).jobId);
  if (jobId === null) notFound();
  const { status, page = 1, digests: digestView } = searchParamsSchema.parse(await searchParams);
  const showAllDigests = digestView === 'all';

  const [snapshot, counts, files, rejects, digests] = await Promise.all([
    loadJobSnapshot(jobId),
    getIngestFileCounts(jobId),
    getIngestFiles(jobId, { status, page }),
    getIngestRejects(jobId),
    getDigestChecks(jobId, { problemsOnly: !showAllDigests, limit: showAllDigests ? 500 : 200 }),
  ]);
  if (!snapshot) notFound();
  const { job } = snapshot;
  const listed = status ? counts[status] : Object.values(counts).reduce((sum, count) => sum + count, 0);
  const pages = Math.max(1, Math.ceil(listed / FILES_PAGE_SIZE));
  // Every link on the page keeps the rest of the view (filter, page, digest listing) as it is.
  const href = (change: { status?: string; page?: number; digests?: string }) => {
    const next = { status, page, digests: digestView, ...change };
    const query = new URLSearchParams();
    if (next.status) query.set('status', next.status);
    if (next.page && next.page > 1) query.set('page', String(next.page));
    if (next.digests) query.set('digests', next.digests);
    const text = query.toString();
    return `/ingest/jobs/${job.id}${text ? `?${text}` : ''}`;
  };

  return (
    <>
      <Link href="/ingest" className="mb-3 inline-flex text-sm font-medium text-muted hover:text-fg">
        ← Ingest
      </Link>
      <PageHeader
        title={`Job #${job.id}`}
        description={
          <>
            {SOURCE_KIND_LABELS[job.sourceKind]} · <span className="font-mono text-[13px]">{job.source}</span>
            {job.createdByEmail ? ` · started by ${job.createdByEmail}` : ''}
          </>
        }
      />
      <div className="space-y-6">
        <JobProgressPanel key={job.id} initial={snapshot} showDetailsLink={false} title="Progress" />

        <div className="grid items-start gap-6 lg:grid-cols-2">
          <Card aria-labelledby="details-heading">
            <CardHeader id="details-heading" title="Job" />
            <JobDetails job={job} now={Date.now()} />
          </Card>
          <Card aria-labelledby="rejects-heading">
            <CardHeader
              id="rejects-heading"
              title="Rejected records"
              description="Records that were not valid CloudTrail events, by reason. The rest of each file still loaded."
            />
            {rejects.length > 0 ? (
              <RejectsTable rejects={rejects} />
            ) : (
              <p className="px-5 py-8 text-center text-sm text-muted">No records were rejected.</p>
            )}
          </Card>
        </div>

        <DigestChecksSection
          summary={digests}
          showAll={showAllDigests}
          active={isJobActive(job.status, snapshot.phase)}
          allHref={href({ digests: 'all' })}
          problemsHref={href({ digests: undefined })}
        />

        <Card aria-labelledby="files-heading">
          <CardHeader
            id="files-heading"
            title="Files"
            description="Every file the job reached, in the order it reached them, with what each one added."
          />
          <div className="border-b border-line px-5 py-3">
            <FileStatusTabs
              counts={counts}
              active={status}
              hrefFor={(target) => href({ status: target, page: 1 })}
            />
          </div>
          {files.length > 0 ? (
            <IngestFilesTable files={files} />
          ) : (
            <p className="px-5 py-8 text-center text-sm text-muted">
              {job.status === 'queued' ? 'The job has not started yet.' : 'No files here.'}
            </p>
          )}
          {pages > 1 ? (
            <nav
              aria-label="Pages of files"
              className="flex items-center justify-between border-t border-line px-5 py-3 text-sm"
            >
              <span className="text-muted">
                Page {formatCount(page)} of {formatCount(pages)}
              </span>
              <span className="flex gap-2">
                {page > 1 ? (
                  <Link href={href({ page: page - 1 })} className={buttonClasses('secondary', 'sm')}>
                    Previous
                  </Link>
                ) : null}
                {page < pages ? (
                  <Link href={href({ page: page + 1 })} className={buttonClasses('secondary', 'sm')}>
                    Next
                  </Link>
                ) : null}
              </span>
            </nav>
          ) : null}
        </Card>
      </div>
      <RefreshWhileActive active={isJobActive(job.status, snapshot.phase)} everyMs={3000} />
    </>
  );
}
