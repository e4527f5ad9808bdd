import { getPrisma } from '../db/prisma';
import { MAX_PASSWORD_LENGTH, verifyAgainstDummy, verifyPassword } from './password';
import { checkLoginThrottle, clearLoginFailures, recordLoginFailure, throttleMessage } from './rate-limit';
import type { Role } from './roles';
import { emailSchema } from './users';

export const INVALID_CREDENTIALS_MESSAGE = 'Email or password is incorrect.';

export type AuthenticateResult =
  | { ok: true; user: { id: string; email: string; role: Role } }
  | { ok: false; error: 'invalid_credentials' | 'throttled'; message: string };

/**
 * Checks an email and password, throttled per email and per address. Unknown emails, wrong
 * passwords and disabled accounts get the same message, the same failure record and roughly the
 * same time (a dummy hash is verified when there is no account), so a caller learns nothing about
 * which accounts exist.
 */
export async function authenticate(
  input: { email: string; password: string; ip: string | null },
  now = new Date(),
): Promise<AuthenticateResult> {
  const parsedEmail = emailSchema.safeParse(input.email);
  // Unparseable input is throttled under its raw text so that junk cannot dodge the limiter.
  const email = parsedEmail.success ? parsedEmail.data : input.email.trim().toLowerCase().slice(0, 254);

  const throttle = await checkLoginThrottle(email, input.ip, now);
  if (throttle.throttled)
    return { ok: false, error: 'throttled', message: throttleMessage(throttle.retryAfterMs) };

  const user = parsedEmail.success
    ? await getPrisma().user.findUnique({
        where: { email },
        select: { id: true, email: true, role: true, passwordHash: true, disabled: true },
      })
    : null;
  // Oversized input is refused before hashing: argon2 over megabytes would be a cheap way to load the server.
  const tooLong = input.password.length > MAX_PASSWORD_LENGTH;
  const valid = tooLong
    ? false
    : user
      ? await verifyPassword(user.passwordHash, input.password)
      : await verifyAgainstDummy(input.password);

  if (!user || !valid || user.disabled) {
    await recordLoginFailure(email, input.ip, now);
    return { ok: false, error: 'invalid_credentials', message: INVALID_CREDENTIALS_MESSAGE };
  }
  await getPrisma().user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  await clearLoginFailures(email);
  return { ok: true, user: { id: user.id, email: user.email, role: user.role } };
}
