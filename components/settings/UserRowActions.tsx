'use client';

import { useActionState, useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { resetUserPasswordAction } from '@/lib/actions/reset-user-password';
import { revokeUserSessionsAction } from '@/lib/actions/revoke-user-sessions';
import { setUserDisabledAction } from '@/lib/actions/set-user-disabled';
import { OneTimePassword } from './OneTimePassword';

interface Props {
  userId: string;
  email: string;
  disabled: boolean;
  isSelf: boolean;
}

/** Disable/enable, reset password and revoke sessions for one account; shows the latest result. */
export function UserRowActions({ userId, email, disabled, isSelf }: Props) {
  const [disableState, disableAction] = useActionState(setUserDisabledAction, null);
  const [resetState, resetAction] = useActionState(resetUserPasswordAction, null);
  const [revokeState, revokeAction] = useActionState(revokeUserSessionsAction, null);
  const [last, setLast] = useState<'disable' | 'reset' | 'revoke' | null>(null);
  const shown =
    last === 'disable'
      ? disableState
      : last === 'reset'
        ? resetState
        : last === 'revoke'
          ? revokeState
          : null;

  return (
    <div className="space-y-2">
      <div className="flex justify-end gap-1.5">
        <form action={disableAction} onSubmit={() => setLast('disable')}>
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="disabled" value={disabled ? 'false' : 'true'} />
          <SubmitButton
            variant={disabled ? 'secondary' : 'danger'}
            size="sm"
            disabled={isSelf && !disabled}
            title={isSelf && !disabled ? 'You cannot disable your own account' : undefined}
            aria-label={`${disabled ? 'Enable' : 'Disable'} ${email}`}
          >
            {disabled ? 'Enable' : 'Disable'}
          </SubmitButton>
        </form>
        <form action={resetAction} onSubmit={() => setLast('reset')}>
          <input type="hidden" name="userId" value={userId} />
          <SubmitButton
            variant="secondary"
            size="sm"
            disabled={isSelf}
            title={isSelf ? 'Change your own password under Settings > Account' : undefined}
            aria-label={`Reset password for ${email}`}
          >
            Reset password
          </SubmitButton>
        </form>
        <form action={revokeAction} onSubmit={() => setLast('revoke')}>
          <input type="hidden" name="userId" value={userId} />
          <SubmitButton variant="secondary" size="sm" aria-label={`Revoke sessions of ${email}`}>
            Revoke sessions
          </SubmitButton>
        </form>
      </div>
      {shown && last === 'reset' && shown.ok && resetState?.ok ? (
        <OneTimePassword email={resetState.data.email} password={resetState.data.password} />
      ) : shown ? (
        <Alert tone={shown.ok ? 'success' : 'error'} className="py-1.5 text-[13px]">
          {shown.message}
        </Alert>
      ) : null}
    </div>
  );
}
