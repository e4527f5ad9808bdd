'use client';

import { useActionState, useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { SelectField, TextField } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { addToCaseAction } from '@/lib/actions/add-to-case';
import type { ItemKind } from '@/lib/cases/constants';

const KIND_LABELS: Record<ItemKind, string> = {
  finding: 'Finding',
  event: 'Event',
  principal: 'Principal',
  view: 'Saved view',
};

/** Bookmarks something by its key, for ids copied from elsewhere (a ticket, a colleague's chat). */
export function AddItemForm({ caseId }: { caseId: string }) {
  const [state, formAction] = useActionState(addToCaseAction, null);
  const [kind, setKind] = useState<ItemKind>('finding');
  const failed = state && !state.ok ? state : null;
  const error = (field: string) => failed?.fieldErrors?.[field];
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="caseId" value={caseId} />
      <SelectField
        id="bookmark-kind"
        name="kind"
        label="Bookmark a"
        value={kind}
        onChange={(event) => setKind(event.target.value as ItemKind)}
      >
        {Object.entries(KIND_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      {kind === 'finding' ? (
        <TextField
          id="bookmark-findingId"
          name="findingId"
          label="Finding id"
          inputMode="numeric"
          required
          error={error('findingId')}
        />
      ) : null}
      {kind === 'principal' ? (
        <TextField
          id="bookmark-principalId"
          name="principalId"
          label="Principal id"
          inputMode="numeric"
          required
          error={error('principalId')}
        />
      ) : null}
      {kind === 'event' ? (
        <>
          <TextField
            id="bookmark-accountId"
            name="accountId"
            label="Account id"
            inputMode="numeric"
            required
            error={error('accountId')}
          />
          <TextField
            id="bookmark-eventId"
            name="eventId"
            label="CloudTrail event id"
            required
            error={error('eventId')}
          />
        </>
      ) : null}
      {kind === 'view' ? (
        <>
          <TextField
            id="bookmark-label"
            name="label"
            label="Label"
            required
            maxLength={200}
            error={error('label')}
          />
          <TextField
            id="bookmark-viewUrl"
            name="viewUrl"
            label="View URL"
            placeholder="/events?ip=203.0.113.9"
            required
            error={error('viewUrl')}
            hint="Paste the address of any Trailhound view."
          />
        </>
      ) : null}
      <TextField id="bookmark-tags" name="tags" label="Tags" placeholder="pivot, c2" error={error('tags')} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="starred" className="size-4" /> Star it
      </label>
      <div className="flex items-center gap-3">
        <SubmitButton pendingLabel="Adding…">Add bookmark</SubmitButton>
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
