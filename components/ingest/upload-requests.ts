// The three calls of an upload, in the order the page makes them. Browser-only.

export class UploadRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** For a piece of a large file: how many bytes of it the server holds. */
    readonly received?: unknown,
  ) {
    super(message);
  }
}

function messageFor(status: number, body: string): string {
  try {
    const parsed = JSON.parse(body) as { message?: unknown };
    if (typeof parsed.message === 'string') return parsed.message;
  } catch {
    // not JSON: fall through to a message by status
  }
  if (status === 401) return 'Your session has ended. Sign in again, then retry.';
  if (status === 403) return 'Your role does not allow uploads.';
  if (status === 413) return 'The file is larger than the server allows.';
  return `The server answered ${status}.`;
}

async function postJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { method: 'POST', headers: { Accept: 'application/json' } });
  const body = await response.text();
  if (!response.ok) throw new UploadRequestError(messageFor(response.status, body), response.status);
  return JSON.parse(body) as T;
}

export const createUpload = () => postJson<{ uploadId: string }>('/api/uploads');

export const startUploadIngest = (uploadId: string) =>
  postJson<{ jobId: string }>(`/api/uploads/${encodeURIComponent(uploadId)}/ingest`);

/**
 * Larger files go in pieces of this size: Node ends a request still arriving after five minutes,
 * and a piece this size takes well under that even over a slow link. A dropped piece is resent.
 */
export const PIECE_BYTES = 32 * 1024 * 1024;
const MAX_RETRIES = 3;

/**
 * Sends one file as the raw request body, or as pieces when it is larger than PIECE_BYTES.
 * `onProgress` gets the bytes of the file the server has (or is receiving) so far.
 */
export async function putUploadFile(
  uploadId: string,
  path: string,
  file: File,
  onProgress: (loaded: number) => void,
  signal: AbortSignal,
): Promise<void> {
  const base = `/api/uploads/${encodeURIComponent(uploadId)}/files?path=${encodeURIComponent(path)}`;
  if (file.size <= PIECE_BYTES) {
    await send(base, file, onProgress, signal);
    return;
  }
  let offset = 0;
  let failures = 0;
  while (offset < file.size) {
    const start = offset;
    const piece = file.slice(start, Math.min(start + PIECE_BYTES, file.size));
    try {
      const answer = await send(
        `${base}&offset=${start}&total=${file.size}`,
        piece,
        (loaded) => onProgress(start + loaded),
        signal,
      );
      offset = answer.complete ? file.size : Number(answer.received);
      failures = 0;
    } catch (error) {
      if (signal.aborted || !(error instanceof UploadRequestError) || ++failures > MAX_RETRIES) throw error;
      // The server says how much it holds; a dropped connection is simply retried from the same place.
      if (error.status === 409 && typeof error.received === 'number') offset = error.received;
      else if (error.status !== 0) throw error;
    }
  }
}

/** One PUT. XMLHttpRequest rather than fetch, because only it reports upload progress. */
function send(
  url: string,
  body: Blob,
  onProgress: (loaded: number) => void,
  signal: AbortSignal,
): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onload = () => {
      const answer = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(answer);
      else
        reject(new UploadRequestError(messageFor(xhr.status, xhr.responseText), xhr.status, answer.received));
    };
    // The server closes the connection when it refuses a body mid-stream (too large), which the
    // browser reports as a network error rather than a status.
    xhr.onerror = () =>
      reject(new UploadRequestError('The connection was lost while uploading this file.', 0));
    xhr.onabort = () => reject(new UploadRequestError('Cancelled.', 0));
    if (signal.aborted) xhr.abort();
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
