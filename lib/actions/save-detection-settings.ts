'use server';

import { revalidatePath } from 'next/cache';
import { recordAudit } from '@/lib/auth/audit';
import { requireActionSession } from '@/lib/auth/guards';
import { getPool } from '@/lib/db/pg-pool';
import { saveDetectionSettings } from '@/lib/detections/settings';
import { fromSettingsError } from './detection-settings-errors';
import type { ActionResult } from './result';

const lines = (value: FormDataEntryValue | null): string[] =>
  typeof value === 'string'
    ? value
        .split(/[\r\n,]+/)
        .map((line) => line.trim())
        .filter((line) => line !== '')
    : [];

// Blank stays blank (the schema then refuses it) rather than silently becoming 0.
const integer = (value: FormDataEntryValue | null): number =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;

/** Admin only: the engine-wide allow-lists and business hours, validated by detectionSettingsSchema. */
export async function saveDetectionSettingsAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  const auth = await requireActionSession(['admin']);
  if (!auth.ok) return auth;
  const input = {
    trustedCidrs: lines(formData.get('trustedCidrs')),
    knownAccountIds: lines(formData.get('knownAccountIds')),
    businessHours: {
      timeZone: String(formData.get('timeZone') ?? ''),
      startHour: integer(formData.get('startHour')),
      endHour: integer(formData.get('endHour')),
      days: formData.getAll('days').map((day) => Number(day)),
    },
    learningDays: integer(formData.get('learningDays')),
  };
  try {
    await saveDetectionSettings(getPool(), input, auth.session.userId);
  } catch (error) {
    const typed = (name: string) => String(formData.get(name) ?? '');
    return {
      ...fromSettingsError(error),
      values: {
        trustedCidrs: input.trustedCidrs.join('\n'),
        knownAccountIds: input.knownAccountIds.join('\n'),
        timeZone: typed('timeZone'),
        startHour: typed('startHour'),
        endHour: typed('endHour'),
        learningDays: typed('learningDays'),
      },
    };
  }
  await recordAudit({
    actor: { id: auth.session.userId, email: auth.session.email },
    action: 'detection.settings',
    targetType: 'detection_setting',
    detail: { trustedCidrs: input.trustedCidrs.length, knownAccountIds: input.knownAccountIds.length },
  });
  revalidatePath('/settings/detection');
  return { ok: true, message: 'Detection settings saved. They apply from the next analysis.' };
}
