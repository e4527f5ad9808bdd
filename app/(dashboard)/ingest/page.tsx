import type { Metadata } from 'next';
import { z } from 'zod';
import { IngestEmptyState } from '@/components/ingest/IngestEmptyState';
import { IngestJobsTable } from '@/components/ingest/IngestJobsTable';
import { JobProgressPanel } from '@/components/ingest/JobProgressPanel';
import { isJobActive } from '@/components/ingest/job-display';
import { RefreshWhileActive } from '@/components/ingest/RefreshWhileActive';
import { S3ImportForm } from '@/components/ingest/S3ImportForm';
import { UploadDropZone } from '@/components/ingest/UploadDropZone';
import { Alert } from '@/components/ui/Alert';
import { Card, CardBody, CardHeader } from '@/components/ui/Card';
import { Code } from '@/components/ui/Code';
import { PageHeader } from '@/components/ui/PageHeader';
import { requirePageSession } from '@/lib/auth/guards';
import { hasRole, WRITE_ROLES } from '@/lib/auth/roles';
import { allowedS3Endpoints, defaultS3Endpoint } from '@/lib/ingest/sources/s3-endpoints';
import { runnerPhase } from '@/lib/ingest-runner/ingest-runner';
import { loadJobSnapshot } from '@/lib/ingest-runner/job-snapshot';
import { getIngestJobs } from '@/lib/queries/ingest/get-ingest-jobs';
import { parseJobId } from '@/lib/queries/ingest/types';
import { maxUploadBytes } from '@/lib/uploads/upload-path';

export const metadata: Metadata = { title: 'Ingest' };

const JOBS_SHOWN = 50;

// ?job=<id> pins a job's live progress above the rest, so a reload or a shared link keeps it.
const searchParamsSchema = z.object({ job: z.string().optional().catch(undefined) });

export default async function IngestPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requirePageSession();
  const canWrite = hasRole(session.role, WRITE_ROLES);
  const { job } = searchParamsSchema.parse(await searchParams);
  const pinnedId = parseJobId(job);
  const [jobs, pinned] = await Promise.all([
    getIngestJobs({ limit: JOBS_SHOWN }),
    pinnedId === null ? null : loadJobSnapshot(pinnedId),
  ]);
  const anyActive = jobs.some((row) => isJobActive(row.status));
  const phases = Object.fromEntries(jobs.map((row) => [row.id, runnerPhase(row.id)]));

  return (
    <>
      <PageHeader
        title="Ingest"
        description="Load CloudTrail archives from your computer, an S3 bucket or the server's disk. Each load is a job with progress, errors per file and an integrity check of the digests."
      />
      <div className="space-y-6">
        {pinned ? <JobProgressPanel key={pinned.job.id} initial={pinned} dismissHref="/ingest" /> : null}
        {job && !pinned ? <Alert tone="info">Job #{job} does not exist (any more).</Alert> : null}

        {canWrite ? (
          <div className="grid gap-6 lg:grid-cols-[minmax(0,7fr)_minmax(0,5fr)]">
            <Card aria-labelledby="upload-heading" className="flex flex-col">
              <CardHeader
                id="upload-heading"
                title="Upload files"
                description="From your computer. Files upload first, then one job loads them all."
              />
              <CardBody className="flex flex-1 flex-col">
                <UploadDropZone maxBytes={maxUploadBytes()} />
              </CardBody>
            </Card>
            <Card aria-labelledby="s3-heading" className="self-start">
              <CardHeader
                id="s3-heading"
                title="Import from S3"
                description="Straight from the trail bucket, without downloading it first."
              />
              <CardBody>
                <S3ImportForm defaultEndpoint={defaultS3Endpoint()} endpoints={allowedS3Endpoints()} />
              </CardBody>
            </Card>
          </div>
        ) : (
          <Alert tone="info">
            You can follow ingest jobs here. Loading data needs the analyst or admin role; ask an admin if you
            need it.
          </Alert>
        )}

        <Card aria-labelledby="jobs-heading">
          <CardHeader
            id="jobs-heading"
            title="Jobs"
            description={
              jobs.length > 0 ? (
                <>
                  {jobs.length === JOBS_SHOWN ? `The ${JOBS_SHOWN} most recent` : 'All'} ingest jobs, newest
                  first, including those run on the server with <Code>npx trailhound ingest</Code>.
                </>
              ) : undefined
            }
          />
          {jobs.length > 0 ? (
            <IngestJobsTable jobs={jobs} phases={phases} now={Date.now()} />
          ) : (
            <IngestEmptyState canWrite={canWrite} />
          )}
        </Card>
      </div>
      <RefreshWhileActive active={anyActive} />
    </>
  );
}
