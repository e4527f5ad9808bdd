'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { TextField } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { loginAction } from '@/lib/actions/login';

export function LoginForm({ next }: { next: string }) {
  const [state, formAction] = useActionState(loginAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next} />
      {failed ? <Alert tone="error">{failed.message}</Alert> : null}
      <TextField
        name="email"
        type="email"
        label="Email"
        autoComplete="username"
        required
        // React resets the form after an action; the returned value keeps the email typed.
        defaultValue={failed?.values?.email ?? ''}
      />
      <TextField name="password" type="password" label="Password" autoComplete="current-password" required />
      <SubmitButton className="w-full" pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}
