import { createPathSource } from '../ingest/sources/path-source';
import type { IngestSource } from '../ingest/sources/types';

/**
 * An upload batch read like a local folder, but named as an upload: the job's source would
 * otherwise be the server's internal data path, which means nothing to the analyst who dropped
 * the files (and is not theirs to know).
 */
export function createUploadSource(dir: string, fileCount: number): IngestSource {
  const folder = createPathSource(dir);
  return {
    kind: 'upload',
    description: `upload of ${fileCount.toLocaleString('en-US')} ${fileCount === 1 ? 'file' : 'files'}`,
    list: (filters) => folder.list(filters),
  };
}
