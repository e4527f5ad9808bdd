'use client';

import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/Button';
import { selectClasses } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { removeCaseItemAction, updateCaseItemAction } from '@/lib/actions/case-items';

/** Star, tag and remove one bookmark of a case. `name` labels the controls for screen readers. */
export function ItemControls({
  caseId,
  itemId,
  starred,
  tags,
  name,
}: {
  caseId: string;
  itemId: string;
  starred: boolean;
  tags: string[];
  name: string;
}) {
  const [starState, starAction] = useActionState(updateCaseItemAction, null);
  const [tagState, tagAction] = useActionState(updateCaseItemAction, null);
  const [removeState, removeAction] = useActionState(removeCaseItemAction, null);
  const [editingTags, setEditingTags] = useState(false);
  const failure = [starState, tagState, removeState].find((state) => state && !state.ok);
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      <form action={starAction}>
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="itemId" value={itemId} />
        <input type="hidden" name="starred" value={starred ? 'false' : 'true'} />
        <SubmitButton
          variant="ghost"
          size="sm"
          aria-pressed={starred}
          aria-label={`${starred ? 'Unstar' : 'Star'} ${name}`}
          className={starred ? 'text-sev-medium' : undefined}
        >
          {starred ? '★' : '☆'}
        </SubmitButton>
      </form>
      {editingTags ? (
        <form
          action={async (formData) => {
            await tagAction(formData);
            setEditingTags(false);
          }}
          className="flex items-center gap-1.5"
        >
          <input type="hidden" name="caseId" value={caseId} />
          <input type="hidden" name="itemId" value={itemId} />
          <input
            name="tags"
            defaultValue={tags.join(', ')}
            aria-label={`Tags for ${name}`}
            placeholder="pivot, c2"
            className={`${selectClasses} w-40 pr-2`}
          />
          <SubmitButton size="sm" variant="secondary">
            Save tags
          </SubmitButton>
        </form>
      ) : (
        <Button
          variant="ghost"
          size="sm"
          onClick={() => setEditingTags(true)}
          aria-label={`Edit tags of ${name}`}
        >
          Tags
        </Button>
      )}
      <form action={removeAction}>
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="itemId" value={itemId} />
        <SubmitButton variant="ghost" size="sm" aria-label={`Remove ${name} from the case`}>
          Remove
        </SubmitButton>
      </form>
      {failure && !failure.ok ? (
        <p role="alert" className="text-[13px] text-danger">
          {failure.message}
        </p>
      ) : null}
    </div>
  );
}
