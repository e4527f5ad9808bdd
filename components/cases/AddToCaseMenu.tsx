'use client';

import Link from 'next/link';
import { useActionState, useId, useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { buttonClasses } from '@/components/ui/Button';
import { SelectField, TextField } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { addToCaseAction } from '@/lib/actions/add-to-case';
import { caseHref } from '@/lib/links';

/**
 * What to bookmark. Events are named by their natural key (account id + CloudTrail eventID),
 * findings and principals by their row ids, views by their app URL (build it with lib/links.ts)
 * and a label.
 */
export type AddToCaseTarget =
  | { kind: 'event'; accountId: string; eventId: string }
  | { kind: 'finding'; findingId: string }
  | { kind: 'principal'; principalId: string }
  | { kind: 'view'; viewUrl: string; label: string };

export interface AddToCaseMenuProps {
  target: AddToCaseTarget;
  /** Open cases the user can add to, most recent first (listWritableCases). */
  cases: { id: string; title: string }[];
  /** Names the thing for the button's accessible name, e.g. "finding Root console login". */
  name?: string;
  size?: 'sm' | 'md';
}

function TargetFields({ target }: { target: AddToCaseTarget }) {
  const fields: [string, string][] =
    target.kind === 'event'
      ? [
          ['accountId', target.accountId],
          ['eventId', target.eventId],
        ]
      : target.kind === 'finding'
        ? [['findingId', target.findingId]]
        : target.kind === 'principal'
          ? [['principalId', target.principalId]]
          : [
              ['viewUrl', target.viewUrl],
              ['label', target.label],
            ];
  return (
    <>
      <input type="hidden" name="kind" value={target.kind} />
      {fields.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

/**
 * The "Add to case" control for client components (table rows, drawers). Server pages can use
 * <AddToCase target={…} /> instead, which loads `cases` itself and hides the control from viewers.
 */
export function AddToCaseMenu({ target, cases, name, size = 'sm' }: AddToCaseMenuProps) {
  const [state, formAction] = useActionState(addToCaseAction, null);
  const [choice, setChoice] = useState(cases[0]?.id ?? 'new');
  const id = useId();
  const failed = state && !state.ok ? state : null;
  return (
    <details className="group relative inline-block text-left">
      <summary
        className={buttonClasses(
          'secondary',
          size,
          'cursor-pointer list-none [&::-webkit-details-marker]:hidden',
        )}
        aria-label={name ? `Add ${name} to a case` : undefined}
      >
        Add to case
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-80 rounded-xl border border-line bg-surface p-4 shadow-lg">
        <form action={formAction} className="space-y-3">
          <TargetFields target={target} />
          <SelectField
            id={`${id}-case`}
            name="caseId"
            label="Case"
            value={choice}
            onChange={(event) => setChoice(event.target.value)}
          >
            {cases.map((item) => (
              <option key={item.id} value={item.id}>
                {item.title}
              </option>
            ))}
            <option value="new">New case…</option>
          </SelectField>
          {choice === 'new' ? (
            <TextField
              id={`${id}-title`}
              name="newCaseTitle"
              label="New case title"
              required
              maxLength={200}
              error={failed?.fieldErrors?.newCaseTitle}
            />
          ) : null}
          <TextField
            id={`${id}-tags`}
            name="tags"
            label="Tags"
            placeholder="pivot, c2"
            error={failed?.fieldErrors?.tags}
          />
          <div className="space-y-1.5">
            <label htmlFor={`${id}-note`} className="block text-sm font-medium text-fg">
              Note <span className="font-normal text-muted">(optional, markdown)</span>
            </label>
            <textarea
              id={`${id}-note`}
              name="note"
              rows={2}
              maxLength={20_000}
              className="block w-full rounded-lg border border-line-strong bg-surface px-3 py-2 text-sm text-fg shadow-xs focus:border-accent focus:ring-2 focus:ring-accent/25 focus:outline-none"
            />
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="starred" className="size-4 accent-[var(--th-accent)]" /> Star it
          </label>
          <SubmitButton size="sm" pendingLabel="Adding…">
            Add
          </SubmitButton>
          {state?.ok ? (
            <p role="status" className="text-[13px] text-success">
              {state.message}{' '}
              <Link href={caseHref(state.data.caseId)} className="underline">
                Open the case
              </Link>
            </p>
          ) : null}
          {failed && !failed.fieldErrors?.newCaseTitle ? <Alert tone="error">{failed.message}</Alert> : null}
        </form>
      </div>
    </details>
  );
}
