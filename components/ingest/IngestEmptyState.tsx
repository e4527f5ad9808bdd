import type { ReactNode } from 'react';
import { IngestIcon } from '@/components/shell/icons';
import { Code } from '@/components/ui/Code';

function Way({ step, title, children }: { step: number; title: string; children: ReactNode }) {
  return (
    <li className="flex gap-3 rounded-lg border border-line bg-surface-muted/60 px-4 py-3 text-left">
      <span
        aria-hidden="true"
        className="flex size-6 shrink-0 items-center justify-center rounded-full bg-accent-soft text-xs font-semibold text-accent-soft-fg"
      >
        {step}
      </span>
      <span className="min-w-0">
        <span className="block text-sm font-medium text-fg">{title}</span>
        <span className="mt-0.5 block text-[13px] leading-5 text-muted">{children}</span>
      </span>
    </li>
  );
}

/**
 * No job has run yet: the three ways in, whichever suits where the trail lives. Laid out like
 * EmptyState, but wider, so the three ways sit side by side.
 */
export function IngestEmptyState({ canWrite }: { canWrite: boolean }) {
  return (
    <div className="flex flex-col items-center px-6 py-12 text-center">
      <div className="mb-4 flex size-12 items-center justify-center rounded-xl border border-line bg-surface-muted text-muted [&>svg]:size-6">
        <IngestIcon />
      </div>
      <h3 className="text-base font-semibold text-fg">Nothing ingested yet</h3>
      <p className="mt-2 max-w-xl text-sm leading-6 text-muted">
        {canWrite
          ? 'Load CloudTrail archives in any of three ways. Every job shows up here with its progress, its errors per file and a summary.'
          : 'An analyst or admin loads CloudTrail archives in one of these ways. Every job then shows up here with its progress and a summary.'}
      </p>
      <ol className="mt-6 grid w-full max-w-4xl gap-3 md:grid-cols-3">
        <Way step={1} title="Upload">
          Drop <code className="font-mono">.json.gz</code> files or a whole{' '}
          <code className="font-mono">AWSLogs/</code> folder into the upload area.
        </Way>
        <Way step={2} title="Import from S3">
          Point at <code className="font-mono">s3://bucket/prefix</code>, narrowed to accounts, regions and
          days.
        </Way>
        <Way step={3} title="Command line">
          On the server, run <Code>npx trailhound ingest &lt;path&gt;</Code> for large local archives.
        </Way>
      </ol>
    </div>
  );
}
