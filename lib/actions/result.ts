import type { z } from 'zod';
import { AuthError } from '@/lib/auth/errors';
import type { ActionAuthFailure } from '@/lib/auth/guards';

// What every server action returns. Failures carry a machine-readable `error` and a sentence for
// the form; 'unauthorized' and 'forbidden' come straight from requireActionSession.
export type ActionError = ActionAuthFailure['error'] | 'invalid' | 'conflict' | 'not_found' | 'throttled';

export type ActionResult<T = undefined> =
  | ({ ok: true; message: string } & (T extends undefined ? { data?: undefined } : { data: T }))
  | {
      ok: false;
      error: ActionError;
      message: string;
      fieldErrors?: Record<string, string>;
      /** Non-secret values to put back into the form, which React resets after an action. */
      values?: Record<string, string>;
    };

/** First message per field, for showing under each input. */
export function invalidInput(error: z.ZodError): Extract<ActionResult, { ok: false }> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    fieldErrors[field] ??= issue.message;
  }
  return { ok: false, error: 'invalid', message: 'Check the highlighted fields.', fieldErrors };
}

/** Turns the refusals users.ts throws into form errors; anything else is a bug and rethrows. */
export function fromAuthError(error: unknown): Extract<ActionResult, { ok: false }> {
  if (!(error instanceof AuthError)) throw error;
  const kind: ActionError =
    error.code === 'not_found'
      ? 'not_found'
      : error.code === 'email_taken' || error.code === 'last_admin'
        ? 'conflict'
        : 'invalid';
  return { ok: false, error: kind, message: error.message };
}
