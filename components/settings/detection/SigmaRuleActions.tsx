'use client';

import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { changeSigmaRuleAction } from '@/lib/actions/change-sigma-rule';

/** On/off and delete for one imported rule; a rule that does not compile can only be deleted. */
export function SigmaRuleActions({
  ruleId,
  title,
  enabled,
  broken,
}: {
  ruleId: string;
  title: string;
  enabled: boolean;
  broken: boolean;
}) {
  const [state, formAction] = useActionState(changeSigmaRuleAction, null);
  return (
    <div className="space-y-1">
      <div className="flex justify-end gap-1.5">
        {broken ? null : (
          <form action={formAction}>
            <input type="hidden" name="ruleId" value={ruleId} />
            <input type="hidden" name="change" value={enabled ? 'disable' : 'enable'} />
            <SubmitButton
              variant="secondary"
              size="sm"
              aria-label={`${enabled ? 'Disable' : 'Enable'} ${title}`}
            >
              {enabled ? 'Disable' : 'Enable'}
            </SubmitButton>
          </form>
        )}
        <form
          action={formAction}
          onSubmit={(event) => {
            if (!window.confirm(`Delete the Sigma rule "${title}"? Its findings stay.`))
              event.preventDefault();
          }}
        >
          <input type="hidden" name="ruleId" value={ruleId} />
          <input type="hidden" name="change" value="delete" />
          <SubmitButton variant="danger" size="sm" aria-label={`Delete ${title}`}>
            Delete
          </SubmitButton>
        </form>
      </div>
      {state && !state.ok ? (
        <p role="alert" className="text-right text-[13px] text-danger">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
