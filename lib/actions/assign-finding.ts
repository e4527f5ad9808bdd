'use server';

import { z } from 'zod';
import { assignFinding } from '@/lib/findings/triage';
import { runTriage } from './finding-triage';
import type { ActionResult } from './result';

// An empty choice means "unassigned".
const schema = z.object({
  assigneeId: z.union([z.literal(''), z.uuid({ error: 'Pick a user.' })]).transform((value) => value || null),
});

/** Analysts and admins; viewers get 'forbidden'. */
export async function assignFindingAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runTriage(formData, schema, async (actor, findingId, { assigneeId }) => {
    const { assigneeEmail } = await assignFinding(actor, findingId, assigneeId);
    return assigneeEmail ? `Assigned to ${assigneeEmail}.` : 'Unassigned.';
  });
}
