import { UserFacingError } from '../../lib/db/errors';

/** A YYYY-MM-DD option as midnight UTC. */
export function parseDay(value: string, flag: string): Date {
  const day = new Date(`${value}T00:00:00Z`);
  // The round trip also refuses days a month lacks: Date.parse reads 2026-02-30 as 2026-03-02.
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(day.getTime()) ||
    !day.toISOString().startsWith(value)
  ) {
    throw new UserFacingError(`${flag} must be a date like 2026-01-31, got "${value}".`);
  }
  return day;
}
