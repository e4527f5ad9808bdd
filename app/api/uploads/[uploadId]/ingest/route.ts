import { recordAudit } from '@/lib/auth/audit';
import { getPool } from '@/lib/db/pg-pool';
import { createIngestJob } from '@/lib/ingest/run-job';
import { enqueueIngestJob } from '@/lib/ingest-runner/ingest-runner';
import { requireOwnUpload } from '@/lib/uploads/require-own-upload';
import { errorResponse, jsonResponse, uploadErrorResponse } from '@/lib/uploads/upload-responses';
import { createUploadSource } from '@/lib/uploads/upload-source';

/**
 * POST /api/uploads/<id>/ingest: turns a finished upload into an ingest job and answers at once
 * with its id; the job runs in the background and the page follows it by polling.
 */
export async function POST(request: Request, { params }: { params: Promise<{ uploadId: string }> }) {
  const upload = await requireOwnUpload(request, params);
  if (upload instanceof Response) return upload;
  const { session, store, uploadId } = upload;

  if (!(await store.claim(uploadId))) {
    const jobId = await store.claimedJob(uploadId);
    return jsonResponse(
      { error: 'already_ingesting', message: 'This upload is already being ingested.', jobId },
      409,
    );
  }
  try {
    const { files } = await store.summarize(uploadId);
    if (files === 0) {
      await store.releaseClaim(uploadId);
      return errorResponse(400, 'empty', 'No files were uploaded; add some files first.');
    }
    const source = createUploadSource(store.batchDir(uploadId), files);
    const pool = getPool();
    const jobId = await createIngestJob(pool, source, { createdBy: session.userId });
    await store.recordJob(uploadId, jobId);
    await recordAudit({
      actor: { id: session.userId, email: session.email },
      action: 'ingest.start',
      targetType: 'ingest_job',
      targetId: jobId,
      detail: { source: 'upload', files },
    });
    enqueueIngestJob({ jobId, source, onSettled: () => store.removeFiles(uploadId) });
    return jsonResponse({ jobId }, 201);
  } catch (error) {
    await store.releaseClaim(uploadId).catch(() => {});
    return uploadErrorResponse(error, `starting the ingest of upload ${uploadId} failed`);
  }
}
