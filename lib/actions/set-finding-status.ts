'use server';

import { z } from 'zod';
import { FINDING_STATUS_LABELS, FINDING_STATUSES } from '@/lib/findings/status';
import { setFindingStatus } from '@/lib/findings/triage';
import { runTriage } from './finding-triage';
import type { ActionResult } from './result';

const schema = z.object({ status: z.enum(FINDING_STATUSES, { error: 'Pick a status.' }) });

/** Analysts and admins; viewers get 'forbidden'. */
export async function setFindingStatusAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runTriage(formData, schema, async (actor, findingId, { status }) => {
    const { previous } = await setFindingStatus(actor, findingId, status);
    const label = FINDING_STATUS_LABELS[status].toLowerCase();
    return previous === status ? `Already ${label}.` : `Status changed to ${label}.`;
  });
}
