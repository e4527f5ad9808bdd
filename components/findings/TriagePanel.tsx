'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { selectClasses } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { assignFindingAction } from '@/lib/actions/assign-finding';
import { setFindingStatusAction } from '@/lib/actions/set-finding-status';
import { FINDING_STATUS_LABELS, FINDING_STATUSES, type FindingStatus } from '@/lib/findings/status';

const LABEL = 'block text-sm font-medium text-fg';

/**
 * Status and assignee of one finding. For viewers the controls render disabled with the reason;
 * the actions refuse them on the server regardless.
 */
export function TriagePanel({
  findingId,
  status,
  assigneeId,
  users,
  canTriage,
}: {
  findingId: string;
  status: FindingStatus;
  assigneeId: string | null;
  users: { id: string; email: string }[];
  canTriage: boolean;
}) {
  const [statusState, statusAction] = useActionState(setFindingStatusAction, null);
  const [assignState, assignAction] = useActionState(assignFindingAction, null);
  const disabled = !canTriage;
  // A current assignee who can no longer be picked (disabled, now a viewer) still shows.
  const assigneeListed = assigneeId === null || users.some((user) => user.id === assigneeId);
  return (
    <div className="space-y-5">
      {/* Keyed by the stored value so the select shows it again after the page refreshes. */}
      <form key={`status-${status}`} action={statusAction} className="space-y-1.5">
        <input type="hidden" name="findingId" value={findingId} />
        <label htmlFor="finding-status" className={LABEL}>
          Status
        </label>
        <div className="flex gap-2">
          <select
            id="finding-status"
            name="status"
            defaultValue={status}
            disabled={disabled}
            className={`${selectClasses} min-w-0 flex-1 pl-2.5`}
          >
            {FINDING_STATUSES.map((value) => (
              <option key={value} value={value}>
                {FINDING_STATUS_LABELS[value]}
              </option>
            ))}
          </select>
          <SubmitButton variant="secondary" size="sm" disabled={disabled} pendingLabel="Saving…">
            Set status
          </SubmitButton>
        </div>
        {statusState ? (
          <Alert tone={statusState.ok ? 'success' : 'error'} className="py-1.5 text-[13px]">
            {statusState.message}
          </Alert>
        ) : null}
      </form>
      <form key={`assignee-${assigneeId ?? ''}`} action={assignAction} className="space-y-1.5">
        <input type="hidden" name="findingId" value={findingId} />
        <label htmlFor="finding-assignee" className={LABEL}>
          Assignee
        </label>
        <div className="flex gap-2">
          <select
            id="finding-assignee"
            name="assigneeId"
            defaultValue={assigneeId ?? ''}
            disabled={disabled}
            className={`${selectClasses} min-w-0 flex-1 pl-2.5`}
          >
            <option value="">Unassigned</option>
            {!assigneeListed && assigneeId ? (
              <option value={assigneeId}>A user who cannot triage</option>
            ) : null}
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.email}
              </option>
            ))}
          </select>
          <SubmitButton variant="secondary" size="sm" disabled={disabled} pendingLabel="Saving…">
            Assign
          </SubmitButton>
        </div>
        {assignState ? (
          <Alert tone={assignState.ok ? 'success' : 'error'} className="py-1.5 text-[13px]">
            {assignState.message}
          </Alert>
        ) : null}
      </form>
      {disabled ? (
        <p className="text-[13px] text-muted">
          Your role is viewer: you can read this finding but not change it.
        </p>
      ) : null}
    </div>
  );
}
