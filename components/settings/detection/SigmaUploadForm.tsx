'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { importSigmaRulesAction } from '@/lib/actions/import-sigma-rules';

/** Upload of one or more Sigma files; shows each rule's outcome, and why a rule was refused. */
export function SigmaUploadForm() {
  const [state, formAction] = useActionState(importSigmaRulesAction, null);
  const report = state?.ok ? state.data : null;
  return (
    <div className="space-y-4">
      <form action={formAction} className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1 space-y-1.5">
          <label htmlFor="sigma-files" className="block text-sm font-medium text-fg">
            Sigma rule files
          </label>
          <input
            id="sigma-files"
            name="files"
            type="file"
            multiple
            required
            accept=".yml,.yaml"
            aria-describedby="sigma-files-hint"
            className="block w-full text-sm text-muted file:mr-3 file:h-9 file:rounded-lg file:border file:border-line-strong file:bg-surface file:px-3.5 file:text-sm file:font-medium file:text-fg hover:file:bg-surface-hover"
          />
          <p id="sigma-files-hint" className="text-[13px] text-muted">
            SigmaHQ-format YAML with <code>logsource: product: aws, service: cloudtrail</code>. A rule with
            the same id replaces the stored one and keeps its on/off switch.
          </p>
        </div>
        <SubmitButton pendingLabel="Importing…">Import rules</SubmitButton>
      </form>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      {report ? (
        <div className="space-y-3">
          <Alert tone={report.failed > 0 ? 'info' : 'success'}>{state?.message}</Alert>
          <ul
            aria-label="Import results"
            className="divide-y divide-line rounded-lg border border-line text-sm"
          >
            {report.files.flatMap((file) =>
              file.rules.map((rule, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a report is never reordered; a file's failed documents may share every other field.
                <li key={`${file.file}#${index}`} className="px-3.5 py-2.5">
                  <div className="flex flex-wrap items-baseline gap-x-2">
                    <span
                      className={
                        rule.status === 'failed' ? 'font-medium text-danger' : 'font-medium text-success'
                      }
                    >
                      {rule.status === 'failed'
                        ? 'Failed'
                        : rule.status === 'updated'
                          ? 'Updated'
                          : 'Imported'}
                    </span>
                    <span className="font-medium text-fg">{rule.title ?? file.file}</span>
                    <span className="text-[13px] text-muted">{file.file}</span>
                  </div>
                  {rule.error ? (
                    <p className="mt-1 font-mono text-[12px] leading-5 [overflow-wrap:anywhere] text-danger">
                      {rule.error}
                    </p>
                  ) : null}
                </li>
              )),
            )}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
