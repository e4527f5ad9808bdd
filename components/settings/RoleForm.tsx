'use client';

import { useActionState } from 'react';
import { selectClasses } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { setUserRoleAction } from '@/lib/actions/set-user-role';
import { ROLES, type Role } from '@/lib/auth/roles';

export function RoleForm({ userId, email, role }: { userId: string; email: string; role: Role }) {
  const [state, formAction] = useActionState(setUserRoleAction, null);
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="userId" value={userId} />
      <div className="flex items-center gap-1.5">
        <select
          name="role"
          defaultValue={role}
          aria-label={`Role for ${email}`}
          className={`${selectClasses} w-28 pl-2.5`}
        >
          {ROLES.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
        <SubmitButton variant="secondary" size="sm" aria-label={`Save role for ${email}`} pendingLabel="…">
          Save
        </SubmitButton>
      </div>
      {state && !state.ok ? (
        <p role="alert" className="max-w-64 text-[13px] text-danger">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
