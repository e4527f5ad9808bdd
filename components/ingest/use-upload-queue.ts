'use client';

import { useCallback, useRef, useState } from 'react';
import { formatBytes } from '@/lib/uploads/format-bytes';
import { isJunkFile, type PickedFile } from './collect-files';
import { createUpload, putUploadFile, startUploadIngest, UploadRequestError } from './upload-requests';

export type ItemState = 'ready' | 'uploading' | 'uploaded' | 'failed' | 'too-large';

export interface UploadItem {
  path: string;
  file: File;
  size: number;
  state: ItemState;
  loaded: number;
  error?: string;
}

/** idle: choosing files; uploading; starting: asking for the job; stopped: some uploads failed. */
export type QueuePhase = 'idle' | 'uploading' | 'starting' | 'stopped';

// Browsers open six connections per host: four uploads keep the line busy and leave room for the
// progress polling and page navigation.
const CONCURRENCY = 4;
const PAINT_EVERY_MS = 150;

/**
 * The upload side of the Ingest page: the chosen files, their progress, and the batch they go
 * into. All files of one batch become one job; a failed file can be retried in the same batch,
 * or left out, before the job starts.
 */
export function useUploadQueue({
  maxBytes,
  onStarted,
}: {
  maxBytes: number;
  onStarted: (jobId: string) => void;
}) {
  const [items, setItems] = useState<UploadItem[]>([]);
  const [phase, setPhase] = useState<QueuePhase>('idle');
  const [message, setMessage] = useState<string | null>(null);
  const [ignored, setIgnored] = useState(0);
  const uploadId = useRef<string | null>(null);
  const controller = useRef<AbortController | null>(null);
  const busy = phase === 'uploading' || phase === 'starting';

  const patch = useCallback((path: string, change: Partial<UploadItem>) => {
    setItems((current) => current.map((item) => (item.path === path ? { ...item, ...change } : item)));
  }, []);

  const add = useCallback(
    (picked: PickedFile[]) => {
      if (busy) return;
      const useful = picked.filter((entry) => !isJunkFile(entry.path));
      setIgnored((count) => count + picked.length - useful.length);
      setMessage(null);
      setItems((current) => {
        // The same path picked twice keeps the newer file, as copying a folder over another would.
        const byPath = new Map(current.map((item) => [item.path, item]));
        for (const { file, path } of useful) {
          const tooLarge = file.size > maxBytes;
          byPath.set(path, {
            path,
            file,
            size: file.size,
            state: tooLarge ? 'too-large' : 'ready',
            loaded: 0,
            error: tooLarge
              ? `Larger than the ${formatBytes(maxBytes)} limit; it will be left out.`
              : undefined,
          });
        }
        return [...byPath.values()];
      });
    },
    [busy, maxBytes],
  );

  const remove = useCallback((path: string) => {
    setItems((current) => current.filter((item) => item.path !== path));
  }, []);

  const clear = useCallback(() => {
    setItems([]);
    setIgnored(0);
    setMessage(null);
    setPhase('idle');
    uploadId.current = null;
  }, []);

  const ingest = useCallback(async () => {
    const id = uploadId.current;
    if (!id) return;
    setPhase('starting');
    setMessage(null);
    try {
      const { jobId } = await startUploadIngest(id);
      uploadId.current = null;
      setItems([]);
      setIgnored(0);
      setPhase('idle');
      onStarted(jobId);
    } catch (error) {
      setMessage((error as Error).message);
      setPhase('stopped');
    }
  }, [onStarted]);

  const upload = useCallback(
    async (targets: UploadItem[]) => {
      if (targets.length === 0) return;
      const abort = new AbortController();
      controller.current = abort;
      setPhase('uploading');
      setMessage(null);
      try {
        uploadId.current ??= (await createUpload()).uploadId;
      } catch (error) {
        setMessage((error as Error).message);
        setPhase('idle');
        return;
      }
      const id = uploadId.current;
      let next = 0;
      let failures = 0;
      let fatal: string | null = null;
      const worker = async () => {
        while (next < targets.length && !abort.signal.aborted && !fatal) {
          const item = targets[next++] as UploadItem;
          patch(item.path, { state: 'uploading', loaded: 0, error: undefined });
          let painted = 0;
          try {
            await putUploadFile(
              id,
              item.path,
              item.file,
              (loaded) => {
                const now = performance.now();
                if (now - painted < PAINT_EVERY_MS) return;
                painted = now;
                patch(item.path, { loaded });
              },
              abort.signal,
            );
            patch(item.path, { state: 'uploaded', loaded: item.size });
          } catch (error) {
            failures++;
            const status = error instanceof UploadRequestError ? error.status : 0;
            // No point sending the rest: they would all be refused the same way.
            if (status === 401 || status === 403 || status === 404) fatal = (error as Error).message;
            patch(item.path, { state: 'failed', loaded: 0, error: (error as Error).message });
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, targets.length) }, worker));
      controller.current = null;
      if (abort.signal.aborted) {
        setMessage('Upload cancelled. Files already uploaded are kept until you clear the list.');
        setPhase('stopped');
      } else if (fatal) {
        setMessage(fatal);
        setPhase('stopped');
      } else if (failures > 0) {
        setPhase('stopped');
      } else {
        await ingest();
      }
    },
    [ingest, patch],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { items, phase, busy, message, ignored, add, remove, clear, upload, ingest, cancel };
}
