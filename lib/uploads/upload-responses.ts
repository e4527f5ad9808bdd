import { UploadError } from './upload-store';

// Every upload route answers errors the same way: a machine-readable code and a sentence to show.
const NO_STORE = { 'Cache-Control': 'no-store' };

export function jsonResponse(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

export function errorResponse(status: number, error: string, message: string): Response {
  return jsonResponse({ error, message }, status);
}

export const uploadNotFound = () =>
  errorResponse(404, 'not_found', 'This upload does not exist, or it was started by someone else.');

/** UploadErrors become their status; anything else is logged and hidden behind a 500. */
export function uploadErrorResponse(error: unknown, context: string): Response {
  if (error instanceof UploadError) {
    return jsonResponse({ error: error.code, message: error.message, ...error.details }, error.status);
  }
  console.error(`[uploads] ${context}`, error);
  return errorResponse(500, 'internal', 'The server could not store the file. Try again.');
}
