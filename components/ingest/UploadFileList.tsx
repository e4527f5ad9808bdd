import { cx } from '@/components/ui/cx';
import { formatBytes } from '@/lib/uploads/format-bytes';
import { formatCount } from './job-display';
import { ProgressBar } from './ProgressBar';
import type { UploadItem } from './use-upload-queue';

// Thousands of files are fine to upload but not to render; the summary above counts them all.
const MAX_ROWS = 200;

const STATE_TEXT: Record<UploadItem['state'], string> = {
  ready: 'Waiting',
  uploading: 'Uploading',
  uploaded: 'Uploaded',
  failed: 'Failed',
  'too-large': 'Too large',
};

export function UploadFileList({
  items,
  onRemove,
  locked,
}: {
  items: UploadItem[];
  onRemove: (path: string) => void;
  locked: boolean;
}) {
  // Problems first, so they show without scrolling a long list; otherwise the order picked
  // (a stable sort), so rows do not jump about as their uploads finish.
  const rank = (item: UploadItem) => (item.state === 'failed' || item.state === 'too-large' ? 0 : 1);
  const shown = [...items].sort((a, b) => rank(a) - rank(b)).slice(0, MAX_ROWS);
  return (
    <div className="overflow-hidden rounded-lg border border-line">
      <ul aria-label="Files to upload" className="max-h-80 divide-y divide-line overflow-y-auto">
        {shown.map((item) => {
          const percent = item.size > 0 ? (item.loaded / item.size) * 100 : 0;
          const problem = item.state === 'failed' || item.state === 'too-large';
          return (
            <li key={item.path} className={cx('px-3.5 py-2.5', problem && 'bg-danger-soft/50')}>
              <div className="flex items-center gap-3">
                <FileGlyph />
                <PathText path={item.path} />
                <span className="shrink-0 text-xs tabular-nums text-muted">{formatBytes(item.size)}</span>
                <span
                  className={cx(
                    'w-20 shrink-0 text-right text-xs font-medium',
                    problem ? 'text-danger' : item.state === 'uploaded' ? 'text-success' : 'text-muted',
                  )}
                >
                  {item.state === 'uploading' ? `${Math.floor(percent)}%` : STATE_TEXT[item.state]}
                </span>
                {locked ? (
                  <span className="w-6 shrink-0" />
                ) : (
                  <button
                    type="button"
                    onClick={() => onRemove(item.path)}
                    aria-label={`Remove ${item.path}`}
                    className="flex size-6 shrink-0 items-center justify-center rounded-md text-subtle hover:bg-surface-hover hover:text-fg"
                  >
                    <svg
                      viewBox="0 0 16 16"
                      aria-hidden="true"
                      className="size-3.5"
                      fill="none"
                      stroke="currentColor"
                    >
                      <path d="m4 4 8 8M12 4l-8 8" strokeWidth={1.6} strokeLinecap="round" />
                    </svg>
                  </button>
                )}
              </div>
              {item.state === 'uploading' ? (
                <ProgressBar value={percent} size="sm" label={`Uploading ${item.path}`} className="mt-2" />
              ) : null}
              {item.error ? (
                <p className="mt-1 pl-7 text-[13px] [overflow-wrap:anywhere] text-danger">{item.error}</p>
              ) : null}
            </li>
          );
        })}
      </ul>
      {items.length > shown.length ? (
        <p className="border-t border-line bg-surface-muted px-3.5 py-2 text-xs text-muted">
          and {formatCount(items.length - shown.length)} more files
        </p>
      ) : null}
    </div>
  );
}

/**
 * Folder and name apart, so a long AWSLogs/<org>/<account>/… prefix gives way before the file
 * name does: the name is what tells one delivery from the next.
 */
function PathText({ path }: { path: string }) {
  const cut = path.lastIndexOf('/') + 1;
  return (
    <span className="flex min-w-0 flex-1 font-mono text-[13px]" title={path}>
      {cut > 0 ? <span className="min-w-0 shrink-[4] truncate text-subtle">{path.slice(0, cut)}</span> : null}
      <span className="min-w-0 truncate text-fg">{path.slice(cut)}</span>
    </span>
  );
}

function FileGlyph() {
  return (
    <svg
      viewBox="0 0 24 24"
      aria-hidden="true"
      className="size-4 shrink-0 text-subtle"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinejoin="round"
    >
      <path d="M6 3.5h8l4.5 4.5v11a1.5 1.5 0 0 1-1.5 1.5H6A1.5 1.5 0 0 1 4.5 19V5A1.5 1.5 0 0 1 6 3.5Z" />
      <path d="M13.5 3.5V8.5h5" />
    </svg>
  );
}
