// Business hours (an engine-wide detection setting; rules with a `businessHours` config key get
// it merged in). Kept apart from settings.ts so that rules can import it without a cycle.

import { z } from 'zod';

const timeZone = z
  .string()
  .trim()
  .refine((value) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }, 'not an IANA time zone (e.g. UTC, Europe/Berlin)');

export const businessHoursSchema = z
  .object({
    timeZone,
    // Hours of the day in timeZone: [startHour, endHour).
    startHour: z.number().int().min(0).max(23),
    endHour: z.number().int().min(1).max(24),
    // 0 = Sunday ... 6 = Saturday.
    days: z.array(z.number().int().min(0).max(6)).max(7),
  })
  .refine((hours) => hours.endHour > hours.startHour, {
    message: 'business hours must end after they start',
    path: ['endHour'],
  });
export type BusinessHours = z.infer<typeof businessHoursSchema>;

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** True when `time` falls inside the business hours (in their time zone). */
export function withinBusinessHours(time: Date, hours: BusinessHours): boolean {
  let format = formatters.get(hours.timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: hours.timeZone,
      hourCycle: 'h23',
      hour: 'numeric',
      weekday: 'short',
    });
    formatters.set(hours.timeZone, format);
  }
  const parts = format.formatToParts(time);
  const hour = Number(parts.find((part) => part.type === 'hour')?.value ?? 0);
  const weekday = WEEKDAYS.indexOf(parts.find((part) => part.type === 'weekday')?.value ?? '');
  return hours.days.includes(weekday) && hour >= hours.startHour && hour < hours.endHour;
}

export const DEFAULT_BUSINESS_HOURS: BusinessHours = {
  timeZone: 'UTC',
  startHour: 8,
  endHour: 18,
  days: [1, 2, 3, 4, 5],
};
