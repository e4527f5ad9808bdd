import { requireApiSession } from '../auth/guards';
import { WRITE_ROLES } from '../auth/roles';
import type { ValidatedSession } from '../auth/session';
import { uploadNotFound } from './upload-responses';
import { createUploadStore, type UploadStore } from './upload-store';

export interface OwnUpload {
  session: ValidatedSession;
  store: UploadStore;
  uploadId: string;
}

/**
 * The check every upload route starts with: a writer's session, and a batch that this user
 * created (anyone else's answers 404, so batch ids cannot be probed). Returns the response to send
 * instead when either fails.
 */
export async function requireOwnUpload(
  request: Request,
  params: Promise<{ uploadId: string }>,
): Promise<OwnUpload | Response> {
  const session = await requireApiSession(request, WRITE_ROLES);
  if (session instanceof Response) return session;
  const { uploadId } = await params;
  const store = createUploadStore();
  const batch = await store.readBatch(uploadId);
  if (!batch || batch.createdBy !== session.userId) return uploadNotFound();
  return { session, store, uploadId };
}
