'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { addCaseNoteAction } from '@/lib/actions/add-case-note';

export function NoteForm({ caseId }: { caseId: string }) {
  const [state, formAction] = useActionState(addCaseNoteAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="caseId" value={caseId} />
      <label htmlFor="note-body" className="block text-sm font-medium text-fg">
        Note
      </label>
      <textarea
        id="note-body"
        name="body"
        rows={4}
        required
        maxLength={20_000}
        defaultValue={failed?.values?.body ?? ''}
        placeholder="What you found, what you ruled out, what to do next. Markdown works."
        aria-describedby="note-hint"
        className="block w-full rounded-lg border border-line-strong bg-surface px-3 py-2 text-sm text-fg shadow-xs placeholder:text-subtle focus:border-accent focus:ring-2 focus:ring-accent/25 focus:outline-none"
      />
      <p id="note-hint" className="text-[13px] text-muted">
        Markdown: **bold**, `code`, lists, links. HTML is shown as text.
      </p>
      <div className="flex items-center gap-3">
        <SubmitButton pendingLabel="Adding…">Add note</SubmitButton>
        {state?.ok ? (
          <span role="status" className="text-[13px] text-success">
            {state.message}
          </span>
        ) : null}
      </div>
      {failed ? <Alert tone="error">{failed.fieldErrors?.body ?? failed.message}</Alert> : null}
    </form>
  );
}
