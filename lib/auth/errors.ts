import { UserFacingError } from '../db/errors';

export type AuthErrorCode =
  | 'invalid_email'
  | 'invalid_role'
  | 'weak_password'
  | 'email_taken'
  | 'not_found'
  | 'last_admin'
  | 'wrong_password';

/**
 * A refusal the caller can show as is: the CLI prints the message without a stack trace (it is
 * a UserFacingError) and server actions map the code to a form error.
 */
export class AuthError extends UserFacingError {
  override name = 'AuthError';
  constructor(
    readonly code: AuthErrorCode,
    message: string,
  ) {
    super(message);
  }
}
