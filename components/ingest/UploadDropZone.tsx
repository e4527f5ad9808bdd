'use client';

import { useRouter } from 'next/navigation';
import { type ChangeEvent, type DragEvent, useCallback, useEffect, useState } from 'react';
import { IngestIcon } from '@/components/shell/icons';
import { Alert } from '@/components/ui/Alert';
import { Button, buttonClasses } from '@/components/ui/Button';
import { cx } from '@/components/ui/cx';
import { formatBytes } from '@/lib/uploads/format-bytes';
import { fromDrop, fromFileList } from './collect-files';
import { formatCount, plural } from './job-display';
import { ProgressBar } from './ProgressBar';
import { UploadFileList } from './UploadFileList';
import { useUploadQueue } from './use-upload-queue';

// Not in React's input types; Chromium, Firefox and Safari all read the attribute.
const FOLDER_PICKER = { webkitdirectory: '', directory: '' } as Record<string, string>;

/** Drop or pick files and folders, upload them with progress, then start one job over all of them. */
export function UploadDropZone({ maxBytes }: { maxBytes: number }) {
  const router = useRouter();
  const onStarted = useCallback((jobId: string) => router.push(`/ingest?job=${jobId}`), [router]);
  const queue = useUploadQueue({ maxBytes, onStarted });
  const [dragging, setDragging] = useState(false);
  const { items, phase, busy } = queue;

  // Leaving the page cancels the uploads in flight; ask first, as a download manager would.
  useEffect(() => {
    if (!busy) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [busy]);

  const pending = items.filter((item) => item.state === 'ready' || item.state === 'failed');
  const uploaded = items.filter((item) => item.state === 'uploaded');
  const failed = items.filter((item) => item.state === 'failed');
  const sendable = items.filter((item) => item.state !== 'too-large');
  const totalBytes = sendable.reduce((sum, item) => sum + item.size, 0);
  const sentBytes = sendable.reduce(
    (sum, item) =>
      sum + (item.state === 'uploaded' ? item.size : item.state === 'uploading' ? item.loaded : 0),
    0,
  );
  const overall = totalBytes > 0 ? (sentBytes / totalBytes) * 100 : uploaded.length ? 100 : 0;

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    if (event.target.files) queue.add(fromFileList(event.target.files));
    // Lets the same file be picked again after it was removed from the list.
    event.target.value = '';
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (busy) return;
    fromDrop(event.dataTransfer).then(queue.add, () => queue.add([]));
  };
  const onDragOver = (event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = busy ? 'none' : 'copy';
    if (!dragging) setDragging(true);
  };
  const onDragLeave = (event: DragEvent) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
  };

  return (
    <div className="flex flex-1 flex-col gap-4">
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the pickers inside are the keyboard path; dropping is a pointer extra */}
      <div
        onDragOver={onDragOver}
        onDragLeave={onDragLeave}
        onDrop={onDrop}
        className={cx(
          'flex flex-col items-center justify-center rounded-xl border-2 border-dashed px-6 text-center transition-colors',
          // Alone, the drop zone fills the card, a large target level with the S3 form beside it.
          items.length ? 'py-6' : 'flex-1 py-10',
          dragging ? 'border-accent bg-accent-soft/60' : 'border-line-strong bg-surface-muted/60',
        )}
      >
        <div className="mb-3 flex size-11 items-center justify-center rounded-xl border border-line bg-surface text-accent shadow-xs [&>svg]:size-5.5">
          <IngestIcon />
        </div>
        <p className="text-sm font-semibold text-fg">
          {dragging ? 'Drop to add them' : 'Drop CloudTrail files or whole folders here'}
        </p>
        <p className="mt-1 max-w-md text-[13px] leading-5 text-muted">
          <code className="font-mono">.json.gz</code> and <code className="font-mono">.json</code> files, up
          to {formatBytes(maxBytes)} each. Folders keep their <code className="font-mono">AWSLogs/…</code>{' '}
          layout, and digest files in them are verified.
        </p>
        <div className="mt-4 flex flex-wrap justify-center gap-2">
          <label className={pickerClasses(busy)}>
            <input type="file" multiple className="sr-only" onChange={onPick} disabled={busy} />
            Choose files
          </label>
          <label className={pickerClasses(busy)}>
            <input
              type="file"
              multiple
              className="sr-only"
              onChange={onPick}
              disabled={busy}
              {...FOLDER_PICKER}
            />
            Choose folder
          </label>
        </div>
      </div>

      {items.length === 0 ? (
        <p className="rounded-lg border border-line bg-surface-muted/60 px-3.5 py-2.5 text-[13px] leading-5 text-muted">
          Archive already on the server, or too large to send through the browser? Run{' '}
          <code className="font-mono text-fg">npx trailhound ingest /path/to/AWSLogs</code> there; the job
          shows up below like any other.
        </p>
      ) : null}

      {queue.ignored > 0 ? (
        <p className="text-[13px] text-muted">
          Left out {plural(queue.ignored, 'system file')} (.DS_Store and the like).
        </p>
      ) : null}

      {items.length > 0 ? (
        <div className="space-y-3">
          <div className="flex items-center justify-between gap-3 text-sm">
            <span className="text-fg">
              <span className="font-semibold">{plural(items.length, 'file')}</span>
              <span className="text-muted">
                {' '}
                · {formatBytes(items.reduce((sum, item) => sum + item.size, 0))}
              </span>
            </span>
            {!busy ? (
              <Button variant="ghost" size="sm" onClick={queue.clear}>
                Clear list
              </Button>
            ) : null}
          </div>
          <UploadFileList items={items} onRemove={queue.remove} locked={busy} />
        </div>
      ) : null}

      {phase === 'uploading' || phase === 'starting' || uploaded.length > 0 ? (
        <div>
          <div className="mb-1.5 flex justify-between text-[13px]">
            <span className="text-muted" aria-live="polite">
              {phase === 'starting'
                ? 'Upload complete. Starting the ingest job…'
                : `Uploaded ${formatCount(uploaded.length)} of ${plural(sendable.length, 'file')} · ${formatBytes(sentBytes)} of ${formatBytes(totalBytes)}`}
            </span>
            <span className="font-medium tabular-nums text-fg">{Math.floor(overall)}%</span>
          </div>
          <ProgressBar value={overall} label="Upload progress" />
        </div>
      ) : null}

      {queue.message ? <Alert tone="error">{queue.message}</Alert> : null}
      {phase === 'stopped' && failed.length > 0 && !queue.message ? (
        <Alert tone="error">
          {plural(failed.length, 'file')} could not be uploaded. Retry them, or start the job without them.
        </Alert>
      ) : null}

      {items.length > 0 ? (
        <div className="flex flex-wrap items-center justify-end gap-2">
          {phase === 'uploading' ? (
            <Button variant="secondary" onClick={queue.cancel}>
              Cancel upload
            </Button>
          ) : null}
          {phase === 'stopped' && uploaded.length > 0 ? (
            <Button variant={pending.length > 0 ? 'secondary' : 'primary'} onClick={queue.ingest}>
              {pending.length > 0
                ? `Ingest the ${plural(uploaded.length, 'uploaded file')} only`
                : `Ingest ${plural(uploaded.length, 'uploaded file')}`}
            </Button>
          ) : null}
          {pending.length > 0 || phase !== 'stopped' ? (
            <Button
              variant="primary"
              disabled={busy || pending.length === 0}
              onClick={() => queue.upload(pending)}
            >
              {busy
                ? phase === 'starting'
                  ? 'Starting…'
                  : 'Uploading…'
                : failed.length > 0
                  ? `Retry ${plural(pending.length, 'file')} and ingest`
                  : `Upload and ingest ${plural(pending.length, 'file')}`}
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function pickerClasses(disabled: boolean): string {
  return buttonClasses(
    'secondary',
    'md',
    cx(
      'cursor-pointer has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-focus',
      disabled && 'pointer-events-none opacity-50',
    ),
  );
}
