import { requireApiSession } from '@/lib/auth/guards';
import { WRITE_ROLES } from '@/lib/auth/roles';
import { jsonResponse, uploadErrorResponse } from '@/lib/uploads/upload-responses';
import { createUploadStore } from '@/lib/uploads/upload-store';

/** Starts an upload batch: the folder that the files of one drop (or pick) are streamed into. */
export async function POST(request: Request) {
  const session = await requireApiSession(request, WRITE_ROLES);
  if (session instanceof Response) return session;
  try {
    const store = createUploadStore();
    // Cheap, and the one moment we know the uploads folder is in use: clear what others abandoned.
    await store.sweep().catch((error) => console.error('[uploads] sweep failed', error));
    const batch = await store.createBatch(session.userId);
    return jsonResponse({ uploadId: batch.id }, 201);
  } catch (error) {
    return uploadErrorResponse(error, 'creating an upload batch failed');
  }
}
