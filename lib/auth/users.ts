// Account management shared by the CLI (`trailhound user ...`, `serve`) and the Settings actions.
// No Next.js imports here. Every function validates its own input and throws AuthError (a
// UserFacingError) with a message fit to show as is.
import { z } from 'zod';
import { getPrisma } from '../db/prisma';
import type { Prisma, Role as PrismaRole } from '../generated/prisma/client';
import { recordAudit } from './audit';
import { AuthError } from './errors';
import { generatePassword, hashPassword, passwordSchema, verifyPassword } from './password';
import { clearLoginFailures } from './rate-limit';
import { type Role, roleSchema } from './roles';
import { revokeAllSessionsForUser } from './session';

// roles.ts duplicates the Prisma enum for client components; this fails to compile if they drift.
const rolesMatchSchema: [Role, PrismaRole] extends [PrismaRole, Role] ? true : never = true;
void rolesMatchSchema;

export const DEFAULT_ADMIN_EMAIL = 'admin@trailhound.local';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'Email is too long.')
  .pipe(z.email({ error: 'Enter a valid email address.' }));

export interface UserSummary {
  id: string;
  email: string;
  role: Role;
  disabled: boolean;
  createdAt: Date;
  lastLoginAt: Date | null;
  activeSessions: number;
}

export interface IssuedPassword {
  user: UserSummary;
  /** The plain password, to show once; generated unless the caller supplied one. */
  password: string;
  generated: boolean;
}

export function normalizeEmail(raw: string): string {
  const parsed = emailSchema.safeParse(raw);
  if (!parsed.success) throw new AuthError('invalid_email', `"${raw}" is not a valid email address.`);
  return parsed.data;
}

function parseRole(raw: string): Role {
  const parsed = roleSchema.safeParse(raw);
  if (!parsed.success)
    throw new AuthError('invalid_role', `Unknown role "${raw}": use admin, analyst or viewer.`);
  return parsed.data;
}

function parsePassword(raw: string): string {
  const parsed = passwordSchema.safeParse(raw);
  if (!parsed.success)
    throw new AuthError('weak_password', parsed.error.issues[0]?.message ?? 'Invalid password.');
  return parsed.data;
}

function summarySelect(now: Date) {
  return {
    id: true,
    email: true,
    role: true,
    disabled: true,
    createdAt: true,
    lastLoginAt: true,
    _count: { select: { sessions: { where: { revokedAt: null, expiresAt: { gt: now } } } } },
  } satisfies Prisma.UserSelect;
}

type SummaryRow = Prisma.UserGetPayload<{ select: ReturnType<typeof summarySelect> }>;

function toSummary(row: SummaryRow): UserSummary {
  const { _count, ...user } = row;
  return { ...user, activeSessions: _count.sessions };
}

/** Finds an account by email (anything containing "@") or by id; throws not_found. */
export async function findUser(ref: string): Promise<UserSummary> {
  const where = ref.includes('@')
    ? { email: normalizeEmail(ref) }
    : z.uuid().safeParse(ref).success
      ? { id: ref }
      : null;
  const row = where && (await getPrisma().user.findUnique({ where, select: summarySelect(new Date()) }));
  if (!row)
    throw new AuthError('not_found', `No account ${ref.includes('@') ? `for ${ref}` : 'with that id'}.`);
  return toSummary(row);
}

export async function listUsers(): Promise<UserSummary[]> {
  const rows = await getPrisma().user.findMany({
    orderBy: { email: 'asc' },
    select: summarySelect(new Date()),
  });
  return rows.map(toSummary);
}

export async function createUser(email: string, role: string, password?: string): Promise<IssuedPassword> {
  const normalized = normalizeEmail(email);
  const parsedRole = parseRole(role);
  const plain = password === undefined ? generatePassword() : parsePassword(password);
  try {
    const row = await getPrisma().user.create({
      data: { email: normalized, role: parsedRole, passwordHash: await hashPassword(plain) },
      select: summarySelect(new Date()),
    });
    return { user: toSummary(row), password: plain, generated: password === undefined };
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') {
      throw new AuthError('email_taken', `An account for ${normalized} already exists.`);
    }
    throw error;
  }
}

/** Sets a new password (generated unless given), signs the account out everywhere and lifts its throttle. */
export async function resetPassword(
  ref: string,
  password?: string,
): Promise<IssuedPassword & { revokedSessions: number }> {
  const user = await findUser(ref);
  const plain = password === undefined ? generatePassword() : parsePassword(password);
  await getPrisma().user.update({
    where: { id: user.id },
    data: { passwordHash: await hashPassword(plain) },
  });
  const revokedSessions = await revokeAllSessionsForUser(user.id);
  await clearLoginFailures(user.email);
  return {
    user: { ...user, activeSessions: 0 },
    password: plain,
    generated: password === undefined,
    revokedSessions,
  };
}

/** The user's own change: needs the current password; other sessions end, the current one stays. */
export async function changePassword(
  userId: string,
  currentPassword: string,
  newPassword: string,
  options: { keepSessionId?: string } = {},
): Promise<{ revokedSessions: number }> {
  const prisma = getPrisma();
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user) throw new AuthError('not_found', 'Your account no longer exists.');
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AuthError('wrong_password', 'The current password is not correct.');
  }
  const plain = parsePassword(newPassword);
  await prisma.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(plain) } });
  const revokedSessions = await revokeAllSessionsForUser(userId, { exceptSessionId: options.keepSessionId });
  return { revokedSessions };
}

/**
 * Applies a change that may take away an active admin, refusing if no other active admin would
 * remain. The active admins' rows are locked first, so two admins demoting each other at the same
 * moment cannot both succeed.
 */
async function changeGuardingLastAdmin(
  ref: string,
  change: { role?: Role; disabled?: boolean },
): Promise<{ before: UserSummary; after: UserSummary }> {
  const before = await findUser(ref);
  const after = await getPrisma().$transaction(async (tx) => {
    const admins = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM app_user WHERE role = 'admin' AND NOT disabled FOR UPDATE`;
    const current = await tx.user.findUnique({
      where: { id: before.id },
      select: { role: true, disabled: true },
    });
    if (!current) throw new AuthError('not_found', 'That account no longer exists.');
    const staysActiveAdmin =
      (change.role ?? current.role) === 'admin' && !(change.disabled ?? current.disabled);
    const isActiveAdmin = current.role === 'admin' && !current.disabled;
    if (isActiveAdmin && !staysActiveAdmin && !admins.some((admin) => admin.id !== before.id)) {
      throw new AuthError(
        'last_admin',
        `${before.email} is the last active admin. Make another account admin first, so someone can still manage users.`,
      );
    }
    return tx.user.update({ where: { id: before.id }, data: change, select: summarySelect(new Date()) });
  });
  return { before, after: toSummary(after) };
}

export async function setRole(ref: string, role: string): Promise<{ user: UserSummary; previousRole: Role }> {
  const { before, after } = await changeGuardingLastAdmin(ref, { role: parseRole(role) });
  return { user: after, previousRole: before.role };
}

/** Disabling also ends the account's sessions, so it takes effect at once rather than at next sign-in. */
export async function setDisabled(
  ref: string,
  disabled: boolean,
): Promise<{ user: UserSummary; changed: boolean; revokedSessions: number }> {
  const { before, after } = await changeGuardingLastAdmin(ref, { disabled });
  const revokedSessions = disabled ? await revokeAllSessionsForUser(after.id) : 0;
  return {
    user: { ...after, activeSessions: disabled ? 0 : after.activeSessions },
    changed: before.disabled !== disabled,
    revokedSessions,
  };
}

export type EnsureAdminResult =
  | { created: false }
  | { created: true; email: string; passwordSource: 'env' | 'generated' };

/**
 * First run: with no accounts at all, creates an admin (TRAILHOUND_ADMIN_EMAIL, default
 * admin@trailhound.local) with TRAILHOUND_ADMIN_PASSWORD, or a generated password printed once.
 * Does nothing once any account exists, so it is safe on every start.
 */
export async function ensureAdminAccount(
  log: (line: string) => void,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<EnsureAdminResult> {
  if ((await getPrisma().user.count()) > 0) return { created: false };
  const email = env.TRAILHOUND_ADMIN_EMAIL?.trim() || DEFAULT_ADMIN_EMAIL;
  if (!emailSchema.safeParse(email).success) {
    throw new AuthError('invalid_email', `TRAILHOUND_ADMIN_EMAIL "${email}" is not a valid email address.`);
  }
  const fromEnv = env.TRAILHOUND_ADMIN_PASSWORD || undefined;
  if (fromEnv !== undefined && !passwordSchema.safeParse(fromEnv).success) {
    throw new AuthError('weak_password', 'TRAILHOUND_ADMIN_PASSWORD must be 12 to 256 characters long.');
  }
  let issued: IssuedPassword;
  try {
    issued = await createUser(email, 'admin', fromEnv);
  } catch (error) {
    // Another process starting at the same moment won the race; its admin is just as good.
    if (error instanceof AuthError && error.code === 'email_taken') return { created: false };
    throw error;
  }
  await recordAudit({
    actor: null,
    action: 'user.bootstrap_admin',
    targetType: 'user',
    targetId: issued.user.id,
    detail: { email: issued.user.email, passwordSource: issued.generated ? 'generated' : 'env' },
  });
  if (issued.generated) {
    for (const line of adminBanner(issued.user.email, issued.password)) log(line);
  } else {
    log(
      `Created the first admin account, ${issued.user.email}, with the password from TRAILHOUND_ADMIN_PASSWORD.`,
    );
  }
  return { created: true, email: issued.user.email, passwordSource: issued.generated ? 'generated' : 'env' };
}

function adminBanner(email: string, password: string): string[] {
  const rule = '='.repeat(72);
  return [
    '',
    rule,
    '  Trailhound created the first admin account.',
    '',
    `    Email:     ${email}`,
    `    Password:  ${password}`,
    '',
    '  This password is shown only once. Sign in and change it under Settings.',
    `  Lost it? Run: npx trailhound user reset-password ${email}`,
    rule,
    '',
  ];
}
