import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { formatBytes } from '@/lib/uploads/format-bytes';
import { requireOwnUpload } from '@/lib/uploads/require-own-upload';
import { maxUploadBytes, sanitizeUploadPath } from '@/lib/uploads/upload-path';
import { errorResponse, jsonResponse, uploadErrorResponse } from '@/lib/uploads/upload-responses';

/**
 * PUT /api/uploads/<id>/files?path=<relative path>: the raw request body is the file, streamed to
 * disk as it arrives (a server action would cap it at 1 MB and buffer it) and cut off with 413
 * once it passes TRAILHOUND_MAX_UPLOAD_BYTES.
 *
 * With &offset=<n>&total=<size> the body is one piece of a large file instead: 202 with
 * `received` until the last piece, then 201; 409 with `received` when a piece does not follow on.
 */
export async function PUT(request: Request, { params }: { params: Promise<{ uploadId: string }> }) {
  const upload = await requireOwnUpload(request, params);
  if (upload instanceof Response) return upload;
  const { store, uploadId } = upload;

  const query = new URL(request.url).searchParams;
  const target = sanitizeUploadPath(query.get('path'));
  if (!target.ok) return errorResponse(400, 'invalid_path', target.message);
  const piece = parsePiece(query);
  if (piece === 'invalid') {
    return errorResponse(
      400,
      'invalid_offset',
      'offset and total must be whole numbers of bytes, given together.',
    );
  }

  const maxBytes = maxUploadBytes();
  const declared = Number(request.headers.get('content-length'));
  if ((piece?.total ?? declared) > maxBytes) {
    return errorResponse(413, 'too_large', `The file is larger than the ${formatBytes(maxBytes)} limit.`);
  }
  if (await store.claimedJob(uploadId)) {
    return errorResponse(409, 'already_ingesting', 'This upload is already being ingested.');
  }

  // An empty file has no body at all; it is still a file the ingest should name (as empty).
  const body = request.body
    ? Readable.fromWeb(request.body as unknown as WebReadableStream<Uint8Array>)
    : Readable.from([]);
  try {
    if (!piece) return jsonResponse(await store.writeFile(uploadId, target.path, body, maxBytes), 201);
    const stored = await store.writeChunk(uploadId, target.path, body, { ...piece, maxBytes });
    return jsonResponse(stored, stored.complete ? 201 : 202);
  } catch (error) {
    return uploadErrorResponse(error, `storing "${target.path}" in upload ${uploadId} failed`);
  }
}

function parsePiece(query: URLSearchParams): { offset: number; total: number } | null | 'invalid' {
  const offset = query.get('offset');
  const total = query.get('total');
  if (offset === null && total === null) return null;
  const [o, t] = [Number(offset), Number(total)];
  if (
    offset === null ||
    total === null ||
    !Number.isSafeInteger(o) ||
    !Number.isSafeInteger(t) ||
    o < 0 ||
    t < 0
  ) {
    return 'invalid';
  }
  return { offset: o, total: t };
}
