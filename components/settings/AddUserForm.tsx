'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { SelectField, TextField } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { createUserAction } from '@/lib/actions/create-user';
import { ROLE_DESCRIPTIONS, ROLES } from '@/lib/auth/roles';
import { OneTimePassword } from './OneTimePassword';

export function AddUserForm() {
  const [state, formAction] = useActionState(createUserAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <div className="space-y-4">
      <form action={formAction} className="grid grid-cols-[minmax(0,1fr)_12rem_auto] items-start gap-3">
        <TextField
          name="email"
          type="email"
          label="Email"
          placeholder="name@example.com"
          autoComplete="off"
          required
          defaultValue={failed?.values?.email ?? ''}
          error={failed?.fieldErrors?.email}
        />
        <SelectField
          name="role"
          label="Role"
          defaultValue={failed?.values?.role ?? 'viewer'}
          error={failed?.fieldErrors?.role}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </SelectField>
        {/* Aligns the button with the inputs, below their labels. */}
        <div className="pt-[26px]">
          <SubmitButton pendingLabel="Adding…">Add user</SubmitButton>
        </div>
      </form>
      <ul className="grid grid-cols-3 gap-3 text-[13px] text-muted">
        {ROLES.map((role) => (
          <li key={role}>
            <span className="font-medium text-fg">{role}</span>: {ROLE_DESCRIPTIONS[role]}
          </li>
        ))}
      </ul>
      {failed && !failed.fieldErrors ? <Alert tone="error">{failed.message}</Alert> : null}
      {state?.ok ? <OneTimePassword email={state.data.email} password={state.data.password} /> : null}
    </div>
  );
}
