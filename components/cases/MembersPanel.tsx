'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { selectClasses } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { addCaseMemberAction, removeCaseMemberAction } from '@/lib/actions/case-members';

/** Owner and members; the owner (or an admin) adds people by email and removes them. */
export function MembersPanel({
  caseId,
  owner,
  members,
  canManage,
}: {
  caseId: string;
  owner: string | null;
  members: { userId: string; email: string }[];
  canManage: boolean;
}) {
  const [addState, addAction] = useActionState(addCaseMemberAction, null);
  const [removeState, removeAction] = useActionState(removeCaseMemberAction, null);
  const failure = [addState, removeState].find((state) => state && !state.ok);
  return (
    <div className="space-y-3 text-sm">
      <p>
        <span className="text-muted">Owner</span> <span className="font-medium">{owner ?? 'nobody'}</span>
      </p>
      {members.length > 0 ? (
        <ul aria-label="Members" className="space-y-1.5">
          {members.map((member) => (
            <li key={member.userId} className="flex items-center justify-between gap-2">
              <span className="truncate">{member.email}</span>
              {canManage ? (
                <form action={removeAction}>
                  <input type="hidden" name="caseId" value={caseId} />
                  <input type="hidden" name="userId" value={member.userId} />
                  <SubmitButton variant="ghost" size="sm" aria-label={`Remove ${member.email} from the case`}>
                    Remove
                  </SubmitButton>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-muted">No other members yet.</p>
      )}
      {canManage ? (
        <form action={addAction} className="flex gap-2">
          <input type="hidden" name="caseId" value={caseId} />
          <input
            name="email"
            type="email"
            required
            aria-label="Member email"
            placeholder="colleague@example.com"
            defaultValue={addState && !addState.ok ? (addState.values?.email ?? '') : ''}
            className={`${selectClasses} min-w-0 flex-1 pr-2`}
          />
          <SubmitButton size="sm" variant="secondary">
            Add member
          </SubmitButton>
        </form>
      ) : null}
      {failure && !failure.ok ? (
        <Alert tone="error">{failure.fieldErrors?.email ?? failure.message}</Alert>
      ) : addState?.ok ? (
        <p role="status" className="text-[13px] text-success">
          {addState.message}
        </p>
      ) : null}
    </div>
  );
}
