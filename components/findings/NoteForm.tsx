'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { addFindingNoteAction } from '@/lib/actions/add-finding-note';
import { NOTE_MAX_LENGTH } from '@/lib/findings/note-limits';

/** Adds a note; React resets the form after a successful action, so a failed one puts the text back. */
export function NoteForm({ findingId }: { findingId: string }) {
  const [state, formAction] = useActionState(addFindingNoteAction, null);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="findingId" value={findingId} />
      <label htmlFor="finding-note" className="block text-sm font-medium text-fg">
        Add a note
      </label>
      <textarea
        id="finding-note"
        name="body"
        rows={4}
        required
        maxLength={NOTE_MAX_LENGTH}
        defaultValue={state && !state.ok ? (state.values?.body ?? '') : ''}
        placeholder="What you checked, what you found, what happens next."
        className="block w-full rounded-lg border border-line-strong bg-surface px-3 py-2 text-sm text-fg shadow-xs placeholder:text-subtle focus:border-accent focus:ring-2 focus:ring-accent/25 focus:outline-none"
      />
      <div className="flex items-center justify-between gap-3">
        {state ? (
          <Alert tone={state.ok ? 'success' : 'error'} className="py-1.5 text-[13px]">
            {state.message}
          </Alert>
        ) : (
          <span />
        )}
        <SubmitButton size="sm" pendingLabel="Adding…">
          Add note
        </SubmitButton>
      </div>
    </form>
  );
}
