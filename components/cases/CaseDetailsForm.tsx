'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { SelectField, TextField } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { updateCaseAction } from '@/lib/actions/update-case';
import { CASE_STATUS_LABELS, CASE_STATUSES, type CaseStatus } from '@/lib/cases/constants';
import { SEVERITIES, SEVERITY_LABELS, type Severity } from '@/lib/severity';

export function CaseDetailsForm({
  caseId,
  title,
  description,
  status,
  severity,
  tags,
}: {
  caseId: string;
  title: string;
  description: string;
  status: CaseStatus;
  severity: Severity;
  tags: string[];
}) {
  const [state, formAction] = useActionState(updateCaseAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="caseId" value={caseId} />
      <TextField
        id="case-title"
        name="title"
        label="Title"
        defaultValue={title}
        required
        maxLength={200}
        error={failed?.fieldErrors?.title}
      />
      <div className="space-y-1.5">
        <label htmlFor="case-description" className="block text-sm font-medium text-fg">
          Description
        </label>
        <textarea
          id="case-description"
          name="description"
          defaultValue={description}
          rows={4}
          maxLength={20_000}
          className="block w-full rounded-lg border border-line-strong bg-surface px-3 py-2 text-sm text-fg shadow-xs focus:border-accent focus:ring-2 focus:ring-accent/25 focus:outline-none"
        />
      </div>
      <div className="grid grid-cols-2 gap-3">
        <SelectField id="case-status" name="status" label="Status" defaultValue={status}>
          {CASE_STATUSES.map((value) => (
            <option key={value} value={value}>
              {CASE_STATUS_LABELS[value]}
            </option>
          ))}
        </SelectField>
        <SelectField id="case-severity" name="severity" label="Severity" defaultValue={severity}>
          {SEVERITIES.map((value) => (
            <option key={value} value={value}>
              {SEVERITY_LABELS[value]}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField
        id="case-tags"
        name="tags"
        label="Tags"
        defaultValue={tags.join(', ')}
        error={failed?.fieldErrors?.tags}
      />
      <div className="flex items-center gap-3">
        <SubmitButton pendingLabel="Saving…">Save case</SubmitButton>
        {state?.ok ? (
          <span role="status" className="text-[13px] text-success">
            {state.message}
          </span>
        ) : null}
      </div>
      {failed && !failed.fieldErrors ? <Alert tone="error">{failed.message}</Alert> : null}
    </form>
  );
}
