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
  return runTriage(formData, schema, async (actor, findingId, { body }) => {
    await addFindingNote(actor, findingId, body);
    return 'Note added.';
  });
}
