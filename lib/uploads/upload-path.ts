// Pure checks on what a browser sends with an upload. The relative path comes from the client
// (a file name, or webkitRelativePath for a folder), so it is untrusted: it must stay inside the
// upload's own folder whatever it contains.

export type UploadPathResult = { ok: true; path: string } | { ok: false; message: string };

const MAX_PATH_LENGTH = 1024;
const MAX_SEGMENT_BYTES = 255;
const WINDOWS_DRIVE = /^[a-zA-Z]:/;
const utf8 = new TextEncoder();

/**
 * Turns a client-supplied relative path into `a/b/c.json.gz`, or says why it is refused.
 * Backslashes count as separators (Windows browsers and zip tools send them), empty and `.`
 * segments are dropped, and `..`, absolute paths, drive letters and NUL are refused outright
 * rather than repaired, so a crafted path never lands somewhere the user did not expect.
 */
export function sanitizeUploadPath(raw: string | null | undefined): UploadPathResult {
  if (raw == null || raw.trim() === '') return { ok: false, message: 'The file path is missing.' };
  if (raw.includes('\0')) return { ok: false, message: 'The file path contains a NUL character.' };
  if (hasControlCharacter(raw)) {
    return { ok: false, message: 'The file path contains control characters.' };
  }
  if (raw.length > MAX_PATH_LENGTH) {
    return { ok: false, message: `The file path is longer than ${MAX_PATH_LENGTH} characters.` };
  }
  const unified = raw.replaceAll('\\', '/');
  if (unified.startsWith('/') || WINDOWS_DRIVE.test(unified)) {
    return { ok: false, message: 'The file path must be relative, not absolute.' };
  }
  const segments = unified.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.length === 0) return { ok: false, message: 'The file path names no file.' };
  for (const segment of segments) {
    if (segment === '..') return { ok: false, message: 'The file path must not contain "..".' };
    if (utf8.encode(segment).length > MAX_SEGMENT_BYTES) {
      return { ok: false, message: `A file or folder name is longer than ${MAX_SEGMENT_BYTES} bytes.` };
    }
  }
  return { ok: true, path: segments.join('/') };
}

/** C0 controls and DEL: no real trail file is named with them, and they garble logs and terminals. */
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Upload ids are random v4 UUIDs; anything else never names a folder on disk. */
export function isUploadId(value: string): boolean {
  return UPLOAD_ID.test(value);
}

export const DEFAULT_MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

/** The per-file limit from TRAILHOUND_MAX_UPLOAD_BYTES (bytes), 2 GiB when unset or invalid. */
export function maxUploadBytes(env: Record<string, string | undefined> = process.env): number {
  const configured = Number(env.TRAILHOUND_MAX_UPLOAD_BYTES);
  return Number.isSafeInteger(configured) && configured > 0 ? configured : DEFAULT_MAX_UPLOAD_BYTES;
}
