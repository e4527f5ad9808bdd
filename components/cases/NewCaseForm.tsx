'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { SelectField, TextField } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { createCaseAction } from '@/lib/actions/create-case';
import { SEVERITIES, SEVERITY_LABELS } from '@/lib/severity';

/** Title, severity and tags; the description and the rest are edited on the case itself. */
export function NewCaseForm() {
  const [state, formAction] = useActionState(createCaseAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} className="space-y-3">
      <div className="grid grid-cols-1 items-start gap-3 md:grid-cols-[minmax(0,1fr)_10rem_minmax(0,14rem)_auto]">
        <TextField
          id="new-case-title"
          name="title"
          label="Title"
          placeholder="Leaked deploy key used from a VPS"
          required
          maxLength={200}
          defaultValue={failed?.values?.title ?? ''}
          error={failed?.fieldErrors?.title}
        />
        <SelectField id="new-case-severity" name="severity" label="Severity" defaultValue="medium">
          {SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {SEVERITY_LABELS[severity]}
            </option>
          ))}
        </SelectField>
        <TextField
          id="new-case-tags"
          name="tags"
          label="Tags"
          placeholder="ir-42, exfil"
          error={failed?.fieldErrors?.tags}
        />
        <div className="md:pt-[26px]">
          <SubmitButton pendingLabel="Creating…">Create case</SubmitButton>
        </div>
      </div>
      {failed && !failed.fieldErrors ? <Alert tone="error">{failed.message}</Alert> : null}
    </form>
  );
}
