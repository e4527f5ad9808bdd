import { ZodError } from 'zod';
import type { ActionResult } from './result';

/** A zod refusal from lib/detections/settings as form errors, keyed by the first path segment. */
export function fromSettingsError(error: unknown, prefix = ''): Extract<ActionResult, { ok: false }> {
  if (!(error instanceof ZodError)) throw error;
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = `${prefix}${String(issue.path[0] ?? 'form')}`;
    fieldErrors[field] ??=
      issue.path.length > 1 ? `${issue.path.slice(1).join('.')}: ${issue.message}` : issue.message;
  }
  return { ok: false, error: 'invalid', message: 'Check the highlighted fields.', fieldErrors };
}
