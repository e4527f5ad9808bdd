'use server';

import { revalidatePath } from 'next/cache';
import { recordAudit } from '@/lib/auth/audit';
import { requireActionSession } from '@/lib/auth/guards';
import { getPool } from '@/lib/db/pg-pool';
import { MAX_SIGMA_FILE_BYTES } from '@/lib/detections/sigma/parse';
import { importSigmaFiles, type SigmaImportReport } from '@/lib/detections/sigma/store';
import type { ActionResult } from './result';

const MAX_FILES = 100;

/** Admin only. Compiles and stores the uploaded Sigma files; the report lists every rule's outcome. */
export async function importSigmaRulesAction(
  _previous: ActionResult<SigmaImportReport> | null,
  formData: FormData,
): Promise<ActionResult<SigmaImportReport>> {
  const auth = await requireActionSession(['admin']);
  if (!auth.ok) return auth;
  const files = formData
    .getAll('files')
    .filter((item): item is File => item instanceof File && item.size > 0);
  if (files.length === 0)
    return { ok: false, error: 'invalid', message: 'Choose one or more .yml or .yaml files.' };
  if (files.length > MAX_FILES) {
    return { ok: false, error: 'invalid', message: `At most ${MAX_FILES} files at once.` };
  }
  const wrong = files.find((file) => !/\.ya?ml$/i.test(file.name) || file.size > MAX_SIGMA_FILE_BYTES);
  if (wrong) {
    return {
      ok: false,
      error: 'invalid',
      message: `${wrong.name}: Sigma rules are .yml or .yaml files of at most ${MAX_SIGMA_FILE_BYTES / 1024} KiB.`,
    };
  }
  const sources = await Promise.all(
    files.map(async (file) => ({ name: file.name, text: await file.text() })),
  );
  const report = await importSigmaFiles(getPool(), sources, auth.session.userId);
  await recordAudit({
    actor: { id: auth.session.userId, email: auth.session.email },
    action: 'detection.sigma_import',
    targetType: 'sigma_rule',
    detail: {
      files: files.map((file) => file.name),
      imported: report.imported,
      updated: report.updated,
      failed: report.failed,
    },
  });
  revalidatePath('/settings/detection');
  const message =
    `${report.imported} imported, ${report.updated} updated` +
    (report.failed > 0 ? `, ${report.failed} failed (see below).` : '.');
  return { ok: true, message, data: report };
}
