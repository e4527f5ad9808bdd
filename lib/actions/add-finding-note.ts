'use server';

import { z } from 'zod';
import { addFindingNote } from '@/lib/findings/triage';
import { runTriage } from './finding-triage';
import type { ActionResult } from './result';

const schema = z.object({ body: z.string({ error: 'Write something in the note first.' }) });

/** Analysts and admins; viewers get 'forbidden'. Length and emptiness are checked in triage.ts. */
export async function addFindingNoteAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  const result = await runTriage(formData, schema, async (actor, findingId, { body }) => {
    await addFindingNote(actor, findingId, body);
    return 'Note added.';
  });
  // React resets the form after an action: give a refused note back rather than lose it.
  const body = formData.get('body');
  return result.ok || typeof body !== 'string' ? result : { ...result, values: { body } };
}
