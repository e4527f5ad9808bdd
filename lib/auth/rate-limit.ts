import { getPrisma } from '../db/prisma';

// Failed sign-ins are rows in login_failure rather than process memory, so the limit holds across
// server workers, restarts and the CLI. Per email it stops guessing one account's password; per
// address it slows spraying one password over many accounts. The cost of the per-email limit is
// that anyone can lock an account for 15 minutes by failing on purpose; a password reset (UI or
// `trailhound user reset-password`) clears that account's failures.
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;

export type ThrottleDecision = { throttled: false } | { throttled: true; retryAfterMs: number };

/**
 * Pure core of the limiter. Given recent failure times (any order, at least the `max` most recent
 * ones), the caller is throttled while `max` or more fall inside the window; it may retry once
 * the failure that made the count reach `max` has aged out.
 */
export function evaluateThrottle(input: {
  emailFailures: readonly Date[];
  ipFailures: readonly Date[];
  now: Date;
  windowMs?: number;
  maxPerEmail?: number;
  maxPerIp?: number;
}): ThrottleDecision {
  const windowMs = input.windowMs ?? LOGIN_FAILURE_WINDOW_MS;
  const retryAt = Math.max(
    retryTime(input.emailFailures, input.maxPerEmail ?? MAX_FAILURES_PER_EMAIL, input.now, windowMs),
    retryTime(input.ipFailures, input.maxPerIp ?? MAX_FAILURES_PER_IP, input.now, windowMs),
  );
  const retryAfterMs = retryAt - input.now.getTime();
  return retryAfterMs > 0 ? { throttled: true, retryAfterMs } : { throttled: false };
}

function retryTime(failures: readonly Date[], max: number, now: Date, windowMs: number): number {
  const recent = failures
    .map((at) => at.getTime())
    .filter((at) => at > now.getTime() - windowMs)
    .sort((a, b) => b - a);
  const blocking = recent[max - 1];
  return blocking === undefined ? 0 : blocking + windowMs;
}

/** Says how long to wait and nothing about the account: the same text for known and unknown emails. */
export function throttleMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `Too many failed sign-in attempts. Wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} and try again.`;
}

export async function checkLoginThrottle(
  email: string,
  ip: string | null,
  now = new Date(),
): Promise<ThrottleDecision> {
  const prisma = getPrisma();
  const since = new Date(now.getTime() - LOGIN_FAILURE_WINDOW_MS);
  // Only the `max` most recent failures matter (see evaluateThrottle), which keeps the reads small.
  const [emailFailures, ipFailures] = await Promise.all([
    prisma.loginFailure.findMany({
      where: { email, createdAt: { gt: since } },
      orderBy: { createdAt: 'desc' },
      take: MAX_FAILURES_PER_EMAIL,
      select: { createdAt: true },
    }),
    ip
      ? prisma.loginFailure.findMany({
          where: { ip, createdAt: { gt: since } },
          orderBy: { createdAt: 'desc' },
          take: MAX_FAILURES_PER_IP,
          select: { createdAt: true },
        })
      : Promise.resolve([]),
  ]);
  return evaluateThrottle({
    emailFailures: emailFailures.map((row) => row.createdAt),
    ipFailures: ipFailures.map((row) => row.createdAt),
    now,
  });
}

export async function recordLoginFailure(email: string, ip: string | null, now = new Date()): Promise<void> {
  const prisma = getPrisma();
  await prisma.loginFailure.create({ data: { email, ip, createdAt: now } });
  // Rows older than a day serve no limit; pruning this email's keeps the table from growing forever.
  await prisma.loginFailure.deleteMany({
    where: { email, createdAt: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } },
  });
}

/** A successful sign-in forgives that email's failures (not the address's: spraying goes on). */
export async function clearLoginFailures(email: string): Promise<void> {
  await getPrisma().loginFailure.deleteMany({ where: { email } });
}
